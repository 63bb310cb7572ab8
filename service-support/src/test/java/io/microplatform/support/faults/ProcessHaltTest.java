package io.microplatform.support.faults;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production halt, in a JVM of its own that trains a class-data-sharing archive as the local stack's first runs
 * do: Runtime.halt still writes the archive (for seconds, while the other threads go on), kill -9 leaves no time.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class ProcessHaltTest {

    @TempDir
    Path directory;

    @Test
    void killsTheJvmBeforeItCanWriteItsClassDataSharingArchive() throws Exception {
        Path halted = directory.resolve("halted.jsa");
        Path killed = directory.resolve("killed.jsa");

        int haltStatus = run("halt", halted);
        // where this JVM writes no dynamic archive at all (no base archive), there is nothing to prove
        assumeTrue(Files.exists(halted), "this JVM writes no dynamic class-data-sharing archive");
        int killStatus = run("kill", killed);

        assertThat(haltStatus).isEqualTo(ProcessHalt.STATUS);
        assertThat(killStatus).isEqualTo(ProcessHalt.STATUS);
        assertThat(killed).doesNotExist();
    }

    private int run(String how, Path archive) throws Exception {
        // in a jar: the JVM refuses to archive with a class folder on the class path
        Path classPath = jar(directory.resolve("halting.jar"), ProcessHalt.class, Halting.class);
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath.toString(),
                Halting.class.getName(), how)).redirectErrorStream(true).redirectOutput(directory.resolve(how + ".log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static Path jar(Path jar, Class<?>... types) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : types) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    static final class Halting {

        public static void main(String[] args) {
            if (args[0].equals("kill")) {
                ProcessHalt.KILL.halt();
            } else {
                Runtime.getRuntime().halt(ProcessHalt.STATUS);
            }
            System.exit(3);
        }
    }
}
