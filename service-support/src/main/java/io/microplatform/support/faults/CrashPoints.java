package io.microplatform.support.faults;

import io.microplatform.support.faults.FaultRule.Crash;
import io.microplatform.support.faults.FaultRule.Effect;
import io.microplatform.support.faults.FaultRule.TargetType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code crash} effect. The fault wrappers ({@link KafkaFaultListener}, {@link InboundFaultFilter}) arm the thread
 * handling a matching record or request for as long as the handling runs; {@link CrashAtCommit} watches that
 * thread's transactions and calls {@link #reached} at their commit, which halts the JVM when it is the rule's point.
 * A rule crashes once (a halted JVM takes its rules with it; a test's {@link ProcessHalt} returns, so it is
 * remembered here). A handling that commits no read-write transaction is not crashed, and the log says so.
 */
final class CrashPoints {

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final ThreadLocal<Armed> armed = new ThreadLocal<>();
    private final Set<String> crashed = ConcurrentHashMap.newKeySet();
    private final FaultRules rules;
    private final ProcessHalt halt;

    CrashPoints(FaultRules rules, ProcessHalt halt) {
        this.rules = rules;
        this.halt = halt;
    }

    /**
     * Arms this thread with the first crash rule among {@code matching} that has not crashed yet, until the returned
     * handling is closed. {@code detail} names what is handled (record position and type, or method and path).
     */
    Handling arm(List<FaultRule> matching, String detail) {
        Optional<FaultRule> rule = matching.stream()
                .filter(candidate -> candidate.crash() != null && !crashed.contains(candidate.id())).findFirst();
        if (rule.isEmpty()) {
            return Handling.NONE;
        }
        Armed outer = armed.get();
        armed.set(new Armed(rule.get(), detail));
        return () -> {
            if (outer == null) {
                armed.remove();
            } else {
                armed.set(outer);
            }
            if (!crashed.contains(rule.get().id())) {
                rules.notInjected(rule.get(), Effect.CRASH, detail, "the handling committed no read-write transaction");
            }
        };
    }

    /** The rule this thread's handling is armed with, unless it has crashed already. */
    Optional<Armed> armed() {
        return Optional.ofNullable(armed.get()).filter(current -> !crashed.contains(current.rule().id()));
    }

    /**
     * A transaction of an armed handling ({@code transaction}: its name with a leading space, or empty) is at
     * {@code point}: halts the JVM if that is the rule's point. Returns only when it is not, or when a test's
     * {@link ProcessHalt} returned: then it throws, and the thread unwinds as if the process had stopped here (before
     * the commit, the transaction rolls back).
     */
    void reached(Armed armed, Crash point, String transaction) {
        FaultRule rule = armed.rule();
        if (rule.crash() != point || !crashed.add(rule.id())) {
            return;
        }
        rules.count(rule, Effect.CRASH);
        String what = point == Crash.BEFORE_COMMIT
                ? "before its transaction" + transaction + " committed: nothing of it is committed"
                : "after its transaction" + transaction + " committed, before the outbox relay was handed what it"
                        + " wrote: the outbox sweep publishes that after the restart";
        String then = rule.target().type() == TargetType.KAFKA
                ? "the record's offset is not committed, so it is delivered again after the restart"
                : "the client gets no answer";
        log.error("Fault injection HALTS this JVM now, like kill -9 (no shutdown hooks): crash {} by rule {} on {}"
                + " interrupted {} {}; {}", point.wireName(), rule.id(), rule.target(), armed.detail(), what, then);
        // Boot's console and file appenders write each event through at once; the streams under them may buffer
        System.out.flush();
        System.err.flush();
        halt.halt();
        throw new ProcessHalted("crash " + point.wireName() + " by fault injection rule " + rule.id() + " while handling "
                + armed.detail());
    }

    record Armed(FaultRule rule, String detail) {
    }

    /** The span of one handling; closing it disarms the thread. */
    @FunctionalInterface
    interface Handling extends AutoCloseable {

        Handling NONE = () -> {
        };

        @Override
        void close();
    }

    /** Where the JVM would have halted, when a test's {@link ProcessHalt} returns instead. */
    static final class ProcessHalted extends RuntimeException {

        ProcessHalted(String message) {
            super(message);
        }
    }
}
