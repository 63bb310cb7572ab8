package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.StackControl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a demo needs from the stack beyond what a chaos run does: more instances, instances started with other settings,
 * a pause that ends when something happened, and the same read-outs a user has (metrics, the registry, the logs).
 */
public interface DemoStack extends StackControl {

    /**
     * {@code ./platform up -d --scale SERVICE=N}: starts the missing instances (with {@code variables} added to their
     * environment) or stops the surplus, and waits until they are healthy.
     */
    void scale(String service, int instances, Map<String, String> variables);

    /**
     * Starts instances of {@code service} (as configured, saying {@code starting} first) until at least
     * {@code instances} run; more than that are left running.
     */
    default void scaleUpTo(String service, int instances, String starting) {
        if (instances(service).size() < instances) {
            say(starting);
            scale(service, instances, Map.of());
        }
    }

    /** {@code ./platform restart INSTANCE} with {@code variables} added to the environment (none: as configured). */
    void restart(String instance, Map<String, String> variables);

    /** SIGSTOP, then SIGCONT once {@code resumeWhen} is true (asked every 200 ms) or {@code longest} has passed. */
    void pause(String instance, Duration longest, BooleanSupplier resumeWhen);

    /** The body of GET {@code path} on one running instance; a {@link IllegalStateException} unless 200. */
    String get(String instance, String path);

    /** What the Eureka registry lists for {@code service} (empty when it knows none). */
    List<Registration> registered(String service);

    /**
     * How long a demo's phases last relative to what it says (1: as said); PLATFORM_DEMO_PACE=0.5 halves them, for
     * slow eyes or fast tests. Waits for the stack itself (a start, an eviction) are never shortened.
     */
    double pace();

    default Duration paced(Duration phase) {
        return Duration.ofMillis(Math.round(phase.toMillis() * pace()));
    }

    /**
     * Sets one metadata entry of a registered instance in the registry (Eureka's REST call; the instance keeps it until
     * it registers anew, i.e. until it restarts).
     */
    void setMetadata(String service, String instanceId, String key, String value);

    /** Base URL of an instance, e.g. http://127.0.0.1:8183. */
    URI url(String instance);

    Path log(String instance);

    /** An instance in the registry: its id, port, status (UP, DOWN, ...) and weight (metadata, default 1). */
    record Registration(String instanceId, int port, String status, int weight) {
    }

    /** Adds a fault injection rule to every running instance of {@code service}, as {@code ./platform fault} does. */
    default void addFaultEverywhere(String service, Map<String, Object> rule) {
        instances(service).forEach(instance -> addFault(instance, rule));
    }

    /**
     * The running instances of {@code service} in index order, each named so that kill, pause and restart act on it
     * alone: inventory-service-1 (the first, whose run files say inventory-service), inventory-service-2, ...
     */
    default List<String> instances(String service) {
        return processes().stream().filter(p -> p.service().equals(service) && p.alive())
                .map(p -> p.instance().equals(service) ? service + "-1" : p.instance()).sorted().toList();
    }
}
