package io.microplatform.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.Terminal;
import io.microplatform.localstack.console.UsageException;
import io.microplatform.localstack.demo.Demo;
import io.microplatform.localstack.demo.Demos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./platform demo}: the list without a name; a name it does not know is bad usage (exit code 2). */
class RunDemoTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void listsEveryDemoWithItsLine() {
        int exitCode = demo(List.of());

        assertThat(exitCode).isZero();
        String listed = out.toString(StandardCharsets.UTF_8);
        for (Demo demo : Demos.ALL) {
            assertThat(listed).containsPattern("(?m)^" + demo.name() + " +" + java.util.regex.Pattern.quote(demo.about().summary()));
        }
        assertThat(listed).contains("docs/demos.md");
    }

    @Test
    void refusesANameItDoesNotKnowAndNamesTheOnesItDoes() {
        assertThatThrownBy(() -> demo(List.of("payment")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("no demo named 'payment'; there are payment-outage, slow-shipping, ");
        assertThatThrownBy(() -> demo(List.of("payment-outage", "slow-shipping")))
                .isInstanceOf(UsageException.class)
                .hasMessage("demo takes one name, got payment-outage slow-shipping");
    }

    private int demo(List<String> arguments) {
        Settings settings = Settings.load(Map.of("PLATFORM_HOME", home.toString()));
        return new RunDemo(settings, new Terminal(false, new PrintStream(out, true, StandardCharsets.UTF_8)), arguments)
                .run();
    }
}
