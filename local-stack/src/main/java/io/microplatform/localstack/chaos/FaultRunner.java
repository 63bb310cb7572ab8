package io.microplatform.localstack.chaos;

import io.microplatform.localstack.chaos.FaultPlan.Fault;
import io.microplatform.localstack.chaos.FaultPlan.Kind;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Carries out a {@link FaultPlan} against the stack while the load runs: the outages one after the other on one
 * thread, duplicates and poison on another, each recorded with when it started, when it was healed and which
 * participant was wholly unavailable meanwhile.
 */
final class FaultRunner {

    /** The services that take part in the saga; order-service is the one that accepts, so its outage is no such window. */
    static final List<String> PARTICIPANTS = List.of("inventory-service", "payment-service", "shipping-service",
            "saga-orchestrator");

    /**
     * @param down the participant (or kafka, postgres, registry-service) that had no instance able to work; null if none
     * @param downFrom when its last instance went away
     * @param downUntil when its first instance was healthy again
     * @param triggered for a crash: whether a matching message or request came and the JVM halted
     */
    record Outcome(Kind kind, String description, List<String> targets, Instant started, Instant healed,
            String down, Instant downFrom, Instant downUntil, boolean triggered, String error,
            Map<String, Long> counts) {
    }

    private final StackControl stack;
    private final KafkaFaults kafka;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    FaultRunner(StackControl stack, KafkaFaults kafka) {
        this.stack = stack;
        this.kafka = kafka;
    }

    /** Runs the outages, each at its time from {@code loadStart}, none starting after {@code loadEnd}. */
    void runOutages(List<Fault> faults, long loadStartNanos, long loadEndNanos) {
        for (Fault fault : faults) {
            long dueAt = loadStartNanos + fault.at().toNanos();
            if (!sleepUntil(dueAt) || System.nanoTime() >= loadEndNanos - 3_000_000_000L) {
                return;
            }
            outcomes.add(run(fault));
        }
    }

    /** Runs each duplicate, poison or unpublishable fault at its time, side by side (duplicating takes a while). */
    void runExtras(List<Fault> faults, long loadStartNanos) {
        List<Thread> running = new ArrayList<>();
        for (Fault fault : faults) {
            Thread thread = new Thread(() -> {
                if (sleepUntil(loadStartNanos + fault.at().toNanos())) {
                    outcomes.add(runExtra(fault));
                }
            }, "chaos-" + fault.kind().name().toLowerCase(Locale.ROOT));
            thread.start();
            running.add(thread);
        }
        try {
            for (Thread thread : running) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Outcome runExtra(Fault fault) {
        Instant started = Instant.now();
        stack.say("fault: " + fault.point());
        try {
            int count = fault.rule().get("count") instanceof Number number ? number.intValue() : 0;
            Map<String, Long> counts = switch (fault.kind()) {
                case DUPLICATES -> kafka.duplicate(fault.targets(), fault.hold(), 0.5);
                case POISON -> kafka.poison(count);
                case UNPUBLISHABLE -> {
                    UnpublishableRows.insert(stack, fault.targets().get(0), kafka.runId(), count);
                    yield Map.of(fault.targets().get(0), (long) count);
                }
                default -> throw new IllegalArgumentException(fault.kind() + " is no extra");
            };
            return new Outcome(fault.kind(), fault.point(), fault.targets(), started, Instant.now(), null, null, null,
                    true, null, counts);
        } catch (RuntimeException | SQLException e) {
            return new Outcome(fault.kind(), fault.point(), fault.targets(), started, Instant.now(), null, null, null,
                    false, e.toString(), Map.of());
        }
    }

    /** No new fault starts; the one in progress is cut short and put right. */
    void stop() {
        stopping = true;
    }

    /** Ends what is still going on: no rule left, every process running and healthy. */
    Instant healAll() {
        stopping = true;
        try {
            stack.clearFaults();
        } catch (RuntimeException e) {
            stack.say("could not clear every fault rule: " + e.getMessage());
        }
        stack.startMissing();
        return Instant.now();
    }

    List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    private Outcome run(Fault fault) {
        stack.say("fault: " + fault.point() + (fault.kind() == Kind.CRASH ? "" : " for " + fault.hold().toSeconds() + " s"));
        Instant started = Instant.now();
        String down = null;
        Instant downFrom = null;
        Instant downUntil = null;
        boolean triggered = true;
        String error = null;
        try {
            switch (fault.kind()) {
                case KILL, BROKER_KILL, POSTGRES_STOP -> {
                    String target = fault.targets().get(0);
                    String service = FaultPlan.serviceOf(target);
                    boolean whole = target.equals(service) || aliveInstances(service).size() == 1;
                    stack.kill(target);
                    downFrom = Instant.now();
                    down = whole ? service : null;
                    pause(fault.hold());
                    stack.restart(target);
                    downUntil = Instant.now();
                }
                case CRASH -> {
                    String service = fault.targets().get(0);
                    List<String> instances = aliveInstances(service);
                    Map<String, Object> rule = new LinkedHashMap<>(fault.rule());
                    rule.remove("service");
                    instances.forEach(instance -> stack.addFault(instance, rule));
                    long deadline = System.nanoTime() + fault.hold().toNanos();
                    List<String> dead = List.of();
                    while (dead.isEmpty() && System.nanoTime() < deadline && !stopping) {
                        LockSupport.parkNanos(100_000_000L);
                        List<String> alive = aliveInstances(service);
                        dead = instances.stream().filter(instance -> !alive.contains(instance)).toList();
                    }
                    triggered = !dead.isEmpty();
                    if (triggered) {
                        downFrom = Instant.now();
                        // every instance carries the rule: others may halt on the next matching message too
                        pause(Duration.ofSeconds(2));
                        List<String> alive = aliveInstances(service);
                        dead = instances.stream().filter(instance -> !alive.contains(instance)).toList();
                        down = dead.size() == instances.size() ? service : null;
                        stack.clearFaults();
                        stack.say("  " + String.join(", ", dead) + " halted; restarting");
                        dead.stream().map(FaultPlan::alone).forEach(stack::restart);
                        downUntil = Instant.now();
                    } else {
                        stack.say("  no matching message came within " + fault.hold().toSeconds() + " s; rule removed");
                    }
                    stack.clearFaults();
                }
                case PAUSE -> {
                    String instance = fault.targets().get(0);
                    String service = FaultPlan.serviceOf(instance);
                    down = aliveInstances(service).size() == 1 ? service : null;
                    downFrom = Instant.now();
                    stack.pause(instance, fault.hold());
                    downUntil = Instant.now();
                }
                case SLOW_CONFIRMATION -> {
                    // the rule catches the next ConfirmOrder or two; each waits out the latency after it is removed
                    Map<String, Object> rule = new LinkedHashMap<>(fault.rule());
                    String service = (String) rule.remove("service");
                    aliveInstances(service).forEach(instance -> stack.addFault(instance, rule));
                    pause(Duration.ofSeconds(2));
                    stack.clearFaults();
                    pause(fault.hold().minusSeconds(2));
                }
                case SLOW_CALLS, FAILING_CALLS, UNPROCESSABLE -> {
                    Map<String, Object> rule = new LinkedHashMap<>(fault.rule());
                    String service = (String) rule.remove("service");
                    aliveInstances(service).forEach(instance -> stack.addFault(instance, rule));
                    pause(fault.hold());
                    stack.clearFaults();
                }
                case DUPLICATES, POISON, UNPUBLISHABLE ->
                    throw new IllegalArgumentException(fault.kind() + " is no outage");
            }
        } catch (RuntimeException e) {
            triggered = false;
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            stack.say("  fault did not go as planned: " + error);
        }
        return new Outcome(fault.kind(), fault.point(), fault.targets(), started, Instant.now(), down, downFrom,
                downUntil, triggered, error, Map.of());
    }

    private List<String> aliveInstances(String service) {
        return stack.processes().stream().filter(p -> p.service().equals(service) && p.alive())
                .map(StackControl.Process::instance).toList();
    }

    private void pause(Duration duration) {
        sleepUntil(System.nanoTime() + duration.toNanos());
    }

    /** @return false when the run is being stopped */
    private boolean sleepUntil(long nanos) {
        while (System.nanoTime() < nanos) {
            if (stopping) {
                return false;
            }
            LockSupport.parkNanos(Math.min(nanos - System.nanoTime(), 200_000_000L));
        }
        return !stopping;
    }
}
