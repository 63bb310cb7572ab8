package io.microplatform.localstack.cli;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import io.microplatform.localstack.process.StartSession;
import io.microplatform.localstack.process.StartupWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code restart SERVICE}: stops a service's instances (or one instance) gracefully and starts them again on the same
 * ports, from a fresh copy of the jar if it was rebuilt, and waits until they are healthy. For postgres and kafka
 * likewise, on the data they had: after a kill, Kafka recovers its logs and PostgreSQL runs crash recovery. trace-store
 * (Zipkin, in memory) starts empty.
 */
final class Restart {

    private final Stack stack;
    private final String target;
    private final Instant begin = Stack.launcherStart();

    Restart(Stack stack, String target) {
        this.stack = stack;
        this.target = target;
    }

    int run() {
        StartSession.run(stack, session -> {
            List<RunRecord> records = stack.state.select(target);
            if (records.isEmpty()) {
                throw new PlatformException(target + " is not running; ./platform up starts the stack");
            }
            stack.stopper.stop(records);
            List<Instance> instances = records.stream().map(RunRecord::asInstance).map(this::withCurrentPort).toList();
            Map<String, Integer> scale = new HashMap<>();
            instances.forEach(i -> scale.merge(i.service(), i.index() + 1, Math::max));
            List<String> names = instances.stream().map(Instance::name).toList();
            stack.awaitFreePorts(StackPlan.of(stack.settings.ports(), scale).claims().stream()
                    .filter(claim -> names.contains(claim.instance())).toList(), Duration.ofSeconds(10));
            stack.terminal.println("starting " + String.join(", ", names) + " ...");
            List<StartupWatch.Watched> watched = new ArrayList<>();
            for (Instance instance : instances) {
                // asked anew for each: the instances this restart started so far run from that copy too
                List<String> runningServices = stack.state.alive().stream().map(RunRecord::service).toList();
                watched.add(session.launch(instance, stack.launcher.prepare(instance.service(), runningServices)));
            }
            stack.watch(begin).await(watched, stack.registryPort(), session::aborted);
        });
        stack.terminal.println(stack.terminal.green(String.format("restarted %s in %.1f s", target,
                stack.watch(begin).seconds())));
        return 0;
    }

    /** Ports as .env says now: a restart is also how a changed port takes effect. */
    private Instance withCurrentPort(Instance instance) {
        int port = stack.settings.ports().base(instance.service()) + StackPlan.INSTANCE_PORT_STEP * instance.index();
        return new Instance(instance.service(), instance.index(), port);
    }
}
