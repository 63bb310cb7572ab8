package io.microplatform.localstack.cli;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.process.LogFollower;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import io.microplatform.localstack.process.StackLock;
import io.microplatform.localstack.process.StartSession;
import io.microplatform.localstack.process.StartupWatch;
import io.microplatform.localstack.startup.AppImages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code up [-d] [--scale SERVICE=N]...}: starts what is not running yet (PostgreSQL, Kafka, the trace store and the
 * registry first, then the business services: on 2 cores starting all at once only slows each down), waits until all
 * are healthy and prints where everything is. Without -d it then follows all logs until Ctrl-C, which stops the whole
 * stack. What runs already is left alone: after a {@code kill kafka}, {@code up} starts Kafka alone.
 */
final class Up {

    private final Stack stack;
    private final CommandLine command;
    private final Instant begin = Stack.launcherStart();
    private volatile boolean stopping;

    Up(Stack stack, CommandLine command) {
        this.stack = stack;
        this.command = command;
    }

    int run() {
        StartSession.run(stack, session -> {
            startMissing(session);
            if (!command.detach()) {
                // before the session lets go of the processes: from here on Ctrl-C stops the whole stack
                Runtime.getRuntime().addShutdownHook(new Thread(this::stopStack, "platform-stop"));
            }
        });
        if (!command.detach()) {
            followUntilStopped();
        }
        return 0;
    }

    private void startMissing(StartSession session) {
        stack.forgetExited();
        Map<String, RunRecord> running = stack.state.records().stream()
                .collect(Collectors.toMap(RunRecord::instance, Function.identity(), (a, b) -> a, HashMap::new));
        StackPlan plan = StackPlan.of(stack.settings.ports(), command.scale());
        List<Instance> missing = plan.instances().stream().filter(i -> !running.containsKey(i.name())).toList();
        List<String> missingNames = missing.stream().map(Instance::name).toList();
        if (!running.isEmpty()) {
            stack.terminal.println("already running: " + running.values().stream()
                    .sorted(Comparator.comparing(RunRecord::asInstance, StackPlan.startOrder()))
                    .map(RunRecord::instance).collect(Collectors.joining(", ")));
        }
        if (missingNames.contains(Topology.POSTGRES)) {
            stack.stopper.stopOrphanedPostgres();
        }
        stack.requireFreePorts(plan.claims().stream().filter(c -> missingNames.contains(c.instance())).toList());
        // --scale order-service=1 with three running: the two extra go, as with docker compose
        List<RunRecord> surplus = running.values().stream().filter(r -> command.scale().containsKey(r.service())
                && r.asInstance().index() >= command.scale().get(r.service())).toList();
        stack.stopper.stop(surplus);
        surplus.forEach(record -> running.remove(record.instance()));

        List<Instance> services = missing.stream().filter(i -> i.kind() == Topology.Kind.SERVICE).toList();
        // what runs already keeps the copy of the code it runs from (AppImages)
        List<String> runningServices = running.values().stream().map(RunRecord::service).toList();
        ExecutorService preparing = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "platform-prepare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // extracting the service jars overlaps with the start of PostgreSQL, Kafka, the trace store and the registry
            Map<String, CompletableFuture<AppImages.Image>> images = services.stream().map(Instance::service).distinct()
                    .collect(Collectors.toMap(Function.identity(), service -> CompletableFuture.supplyAsync(
                            () -> stack.launcher.prepare(service, runningServices), preparing)));
            if (!missing.isEmpty()) {
                stack.terminal.println("starting " + String.join(", ", missingNames) + " ...");
            }
            List<StartupWatch.Watched> watched = new ArrayList<>();
            for (Instance instance : missing.stream().filter(i -> i.kind() != Topology.Kind.SERVICE)
                    // PostgreSQL's launch returns once it is ready: the other JVMs start meanwhile
                    .sorted(Comparator.comparing(i -> i.service().equals(Topology.POSTGRES))).toList()) {
                watched.add(session.launch(instance, stack.launcher.prepare(instance.service(), runningServices)));
            }
            await(session, watched, running, Topology.Kind.INFRASTRUCTURE, Topology.Kind.REGISTRY);
            watched.clear();
            for (Instance instance : services) {
                watched.add(session.launch(instance, join(images.get(instance.service()))));
            }
            await(session, watched, running, Topology.Kind.SERVICE);
        } finally {
            preparing.shutdownNow();
        }
        stack.printSummary(stack.state.records(), missing.isEmpty() ? "all healthy, nothing to start"
                : String.format("all healthy in %.1f s", stack.watch(begin).seconds()));
    }

    /** Waits for the processes just started and for those of the same kinds that were running already. */
    private void await(StartSession session, List<StartupWatch.Watched> watched, Map<String, RunRecord> running,
            Topology.Kind... kinds) {
        List<StartupWatch.Watched> all = new ArrayList<>(watched);
        running.values().stream().filter(r -> List.of(kinds).contains(r.asInstance().kind()))
                .forEach(r -> all.add(new StartupWatch.Watched(r.asInstance(), r, false, Optional.empty(), Instant.now())));
        stack.watch(begin).await(all, stack.registryPort(), session::aborted);
    }

    /** Foreground: all logs behind a prefix, until Ctrl-C (which stops the stack) or until nothing runs any more. */
    private void followUntilStopped() {
        stack.terminal.println("following the logs; Ctrl-C stops the stack");
        new LogFollower(stack.terminal).follow(
                () -> stack.state.records().stream().map(LogFollower.Source::of).toList(),
                () -> !stopping && stack.state.records().stream().anyMatch(RunRecord::isAlive), false);
        synchronized (this) {
            if (!stopping) {
                // stopped from elsewhere (./platform down): nothing left for the shutdown hook to do
                stopping = true;
                stack.terminal.println("every process of the stack has stopped");
            }
        }
    }

    private void stopStack() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        stack.terminal.println("stopping the stack ...");
        try (StackLock lock = StackLock.acquire(stack.settings.run(), stack.terminal)) {
            stack.stopper.stop(stack.state.records());
        }
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
