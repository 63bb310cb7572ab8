package io.microplatform.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever goes wrong, the terminal gets one line; the stack trace goes to $PLATFORM_HOME/logs/platform.log. */
class PlatformTest {

    @TempDir
    Path home;

    @Test
    void turnsAnUnexpectedExceptionIntoOneLineAndKeepsItsStackTrace() throws Exception {
        IllegalStateException bug = new IllegalStateException("/data/postgres is served by another running process");

        String line = Platform.failure("down", new CompletionException(bug), Map.of("PLATFORM_HOME", home.toString()));

        Path log = home.resolve("logs").resolve("platform.log");
        assertThat(line).isEqualTo("down failed: /data/postgres is served by another running process (stack trace in "
                + log + ")");
        assertThat(line).doesNotContain("\n");
        assertThat(Files.readString(log)).contains("down", "java.lang.IllegalStateException", "at io.microplatform");
    }

    @Test
    void namesTheExceptionWhenItHasNoMessage() {
        assertThat(Platform.failure("ps", new NullPointerException(), Map.of("PLATFORM_HOME", home.toString())))
                .startsWith("ps failed: NullPointerException (stack trace in ");
    }
}
