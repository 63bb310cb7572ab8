package io.microplatform.localstack.cli;

import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.Terminal;
import io.microplatform.localstack.console.UsageException;
import io.microplatform.localstack.demo.Demo;
import io.microplatform.localstack.demo.DemoRun;
import io.microplatform.localstack.demo.Demos;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code demo [NAME]}: without a name the list of demos, with one that demo against this stack (docs/demos.md). What
 * the commands it uses print goes to {@code $PLATFORM_HOME/demo/commands.log}. Exit code 1 unless it ends in PASS.
 */
record RunDemo(Settings settings, Terminal terminal, List<String> arguments) {

    static final String VERB = "demo";

    int run() {
        if (arguments.isEmpty()) {
            int width = Demos.ALL.stream().mapToInt(demo -> demo.name().length()).max().orElse(0);
            Demos.ALL.forEach(demo -> terminal.println(String.format("%-" + width + "s  %s", demo.name(),
                    demo.about().summary())));
            terminal.println("");
            terminal.println("./platform demo NAME runs one against the running stack (it starts what it needs); "
                    + "docs/demos.md says what each proves");
            return 0;
        }
        if (arguments.size() > 1) {
            throw new UsageException("demo takes one name, got " + String.join(" ", arguments));
        }
        Demo demo = Demos.named(arguments.get(0)).orElseThrow(() -> new UsageException("no demo named '"
                + arguments.get(0) + "'; there are " + Demos.ALL.stream().map(Demo::name).collect(Collectors.joining(", "))));
        return new DemoRun(new LocalStackControl(settings, terminal, VERB), demo).run() ? 0 : 1;
    }
}
