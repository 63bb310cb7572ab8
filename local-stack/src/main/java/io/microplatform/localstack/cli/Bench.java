package io.microplatform.localstack.cli;

import io.microplatform.localstack.bench.BenchOptions;
import io.microplatform.localstack.bench.BenchRun;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import java.nio.file.Path;

/**
 * {@code bench [options]}: the benchmark (io.microplatform.localstack.bench) against this stack, started first if it
 * is not running. Results go to bench/results/ (JSON and an SVG plot); the run's lines to the terminal.
 */
final class Bench {

    static final String VERB = "bench";

    private final Settings settings;
    private final LocalStackControl stack;
    private final BenchOptions options;

    Bench(Settings settings, Terminal terminal, BenchOptions options) {
        this.settings = settings;
        this.stack = new LocalStackControl(settings, terminal, VERB);
        this.options = options;
    }

    int run() {
        try {
            Path written = new BenchRun(stack, options, settings.ports().postgres()).run().write(options.output());
            stack.say("results: " + written + " (and latest.json, latest.svg next to it)");
            return 0;
        } catch (PlatformException e) {
            throw e;
        } catch (Exception e) {
            throw new PlatformException("bench failed: " + e, e);
        }
    }
}
