package io.microplatform.support.faults;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.support.faults.FaultRule.Effect;
import io.microplatform.support.faults.FaultRule.TargetType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.AntPathMatcher;

/**
 * The active rules of this instance (in memory: a restart clears them) and the record of what they did: every add and
 * clear is logged at WARN, every injected fault counts in {@code faults.injected{target_type,target,effect}} and is
 * logged at most once per {@link #LOG_INTERVAL} per rule and effect, so a rule hitting every request cannot flood the log.
 */
final class FaultRules {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(FaultRules.class);
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> suppressed = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    FaultRules(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("faults.active", rules, List::size)
                .description("Fault injection rules active on this instance").register(registry);
    }

    FaultRule add(FaultRule rule) {
        rules.add(rule);
        log.warn("Fault injection rule ADDED {}: {}", rule.id(), rule);
        return rule;
    }

    List<FaultRule> list() {
        return List.copyOf(rules);
    }

    Optional<FaultRule> remove(String id) {
        Optional<FaultRule> removed = rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
        removed.ifPresent(rule -> {
            rules.remove(rule);
            log.warn("Fault injection rule REMOVED {}: {}", rule.id(), rule);
        });
        return removed;
    }

    List<FaultRule> clear() {
        List<FaultRule> cleared = new ArrayList<>(rules);
        rules.removeAll(cleared);
        log.warn("Fault injection rules CLEARED ({} removed): {}", cleared.size(), cleared);
        return cleared;
    }

    /** Inbound: the rule's name is a path pattern ({@code /api/shipping/quotes}, {@code /simulated/**}). */
    List<FaultRule> inbound(String path) {
        return matching(TargetType.INBOUND_HTTP, path, (pattern, value) -> PATHS.match(pattern, value));
    }

    /**
     * Outbound: the rule's name is the host of the request URI (a service id before load balancing, or an external
     * provider's host), {@code *}, or, starting with {@code /}, a pattern for the request path
     * ({@code /simulated/payment-provider/**}: an external provider on a shared host).
     */
    List<FaultRule> outbound(String host, String path) {
        return matching(TargetType.OUTBOUND_HTTP, host, (name, value) -> name.startsWith("/")
                ? path != null && PATHS.match(name, path) : nameMatches(name, value));
    }

    /** Kafka: the rule's name is a logical message type id ({@code inventory.ReserveStock}), or {@code *}. */
    List<FaultRule> kafka(String type) {
        return matching(TargetType.KAFKA, type, FaultRules::nameMatches);
    }

    private List<FaultRule> matching(TargetType type, String value, BiPredicate<String, String> matches) {
        if (rules.isEmpty() || value == null) {
            return List.of();
        }
        return rules.stream().filter(rule -> rule.target().type() == type)
                .filter(rule -> matches.test(rule.target().name(), value)).toList();
    }

    private static boolean nameMatches(String name, String value) {
        return name.equals("*") || name.equalsIgnoreCase(value);
    }

    /** Counts the fault and logs it, rate-limited; {@code detail} says where it hit (path, host, record). */
    void injected(FaultRule rule, Effect effect, String detail) {
        count(rule, effect);
        rateLimited(rule.id() + "/" + effect, note -> log.warn("Fault injected: {} on {} ({}) by rule {}{}",
                effect.tag(), rule.target(), detail, rule.id(), note));
    }

    /** Counts the fault in {@code faults.injected}, for callers that log it their own way (a crash logs at ERROR). */
    void count(FaultRule rule, Effect effect) {
        Counter.builder("faults.injected").description("Faults injected by fault injection rules")
                .tag("target_type", rule.target().type().wireName()).tag("target", rule.target().name())
                .tag("effect", effect.tag()).register(registry).increment();
    }

    /** A rule matched but its effect had nowhere to happen; logged (rate-limited like injected faults), not counted. */
    void notInjected(FaultRule rule, Effect effect, String detail, String why) {
        rateLimited(rule.id() + "/" + effect + "/missed", note -> log.warn("Fault not injected: {} on {} ({}) by rule {}:"
                + " {}{}", effect.tag(), rule.target(), detail, rule.id(), why, note));
    }

    /** Logs at most once per {@link #LOG_INTERVAL} per key, with the number of lines left out since the last one. */
    private void rateLimited(String key, Consumer<String> logWithNote) {
        long now = clock.millis();
        AtomicLong skipped = suppressed.computeIfAbsent(key, k -> new AtomicLong());
        Long last = lastLogged.get(key);
        if (last == null || now - last >= LOG_INTERVAL.toMillis()) {
            lastLogged.put(key, now);
            logWithNote.accept(suppressedNote(skipped.getAndSet(0)));
        } else {
            skipped.incrementAndGet();
        }
    }

    private static String suppressedNote(long skipped) {
        return skipped == 0 ? "" : " [" + skipped + " more since the last message]";
    }

    /** Waits the rule's latency plus jitter on the calling thread, as a slow dependency would. */
    void delay(FaultRule rule, String detail) {
        if (!rule.delays()) {
            return;
        }
        injected(rule, Effect.LATENCY, detail);
        try {
            Thread.sleep(rule.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
