package io.microplatform.localstack.cli;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.process.LogFollower;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code logs [-f] [SERVICE]}: the logs of all processes, of one service's instances or of one instance. */
record Logs(Stack stack, Optional<String> target, boolean follow) {

    int run() {
        List<LogFollower.Source> sources = sources();
        if (sources.isEmpty()) {
            throw new PlatformException("no logs" + target.map(name -> " of " + name).orElse("") + " in "
                    + stack.settings.logs() + " yet");
        }
        LogFollower follower = new LogFollower(stack.terminal);
        if (follow) {
            // until Ctrl-C, which ends only this command
            follower.follow(this::sources, () -> true, true);
        } else {
            follower.print(sources);
        }
        return 0;
    }

    /**
     * The log files in stack order: of the instances the run files list (an order-service-2 scaled away long ago
     * would only confuse), or of every instance once nothing is recorded (after down, or a start that failed) or
     * when one is named.
     */
    private List<LogFollower.Source> sources() {
        Path logs = stack.settings.logs();
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        Set<String> recorded = stack.state.records().stream().map(RunRecord::instance).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".log"))
                    .map(name -> Topology.instance(name.substring(0, name.length() - ".log".length())))
                    .flatMap(Optional::stream)
                    .filter(ref -> target.map(name -> name.equals(ref.name()) || name.equals(ref.service()))
                            .orElse(recorded.isEmpty() || recorded.contains(ref.name())))
                    .map(ref -> new Instance(ref.service(), ref.index(), 0))
                    .sorted(StackPlan.startOrder())
                    .map(instance -> new LogFollower.Source(instance, stack.settings.log(instance.name())))
                    .toList();
        } catch (IOException e) {
            throw new PlatformException("cannot list " + logs + ": " + e.getMessage(), e);
        }
    }
}
