package io.microplatform.localstack.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microplatform.localstack.config.Ports;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopperTest {

    @TempDir
    Path home;

    /**
     * What `down` ended with a stack trace on: a live process (here a JVM holding zonky's lock, as the old
     * infrastructure JVM did) owns the PostgreSQL data that no run file names.
     */
    @Test
    void saysInOneLineWhenALiveProcessItDoesNotKnowHoldsThePostgresData() throws Exception {
        Settings settings = new Settings(home, home, Map.of(), new Ports(Map.of(), 1, 2, 3, 4), Path.of("java"), Map.of());
        Path data = settings.postgresData();
        Files.createDirectories(data);
        Path holder = home.resolve("Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(120_000);
                    }
                }
                """);
        Process locker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), data.resolve("epg-lock").toString()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(locker.getInputStream(), StandardCharsets.UTF_8))) {
            if (!"locked".equals(output.readLine())) {
                throw new AssertionError("the lock holder did not start");
            }
            Files.writeString(data.resolve("postmaster.pid"), locker.pid() + "\n" + data + "\n");
            Stopper stopper = new Stopper(settings, new RunState(settings.run()),
                    new Terminal(false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

            assertThatThrownBy(stopper::stopOrphanedPostgres).isInstanceOf(PlatformException.class)
                    .hasMessage("cannot stop the PostgreSQL left running on " + data + ": " + data
                            + " is served by another running process; stop it first");
        } finally {
            locker.destroyForcibly().waitFor();
        }
    }
}
