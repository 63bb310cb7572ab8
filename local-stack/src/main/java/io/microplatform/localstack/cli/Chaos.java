package io.microplatform.localstack.cli;

import io.microplatform.localstack.chaos.ChaosOptions;
import io.microplatform.localstack.chaos.ChaosRun;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;

/**
 * {@code chaos [--duration D] [--rate R] [--seed S]}: a chaos run (io.microplatform.localstack.chaos) against this
 * stack, through the same commands a user has: up, kill, restart, pause and fault. What those commands print goes to
 * {@code $PLATFORM_HOME/chaos/commands.log}; the run's own lines to the terminal. Exit code 1 on any violation.
 */
final class Chaos {

    static final String VERB = "chaos";

    private final LocalStackControl stack;
    private final ChaosOptions options;

    Chaos(Settings settings, Terminal terminal, ChaosOptions options) {
        this.stack = new LocalStackControl(settings, terminal, VERB);
        this.options = options;
    }

    int run() {
        try {
            return new ChaosRun(stack, options).run() ? 0 : 1;
        } catch (PlatformException e) {
            throw e;
        } catch (Exception e) {
            throw new PlatformException("chaos run failed: " + e, e);
        }
    }
}
