package io.microplatform.support.faults;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One active fault: what it hits ({@link Target}) and what it does there. Durations are written ISO-8601
 * ({@code PT2S}) and read in either form ({@code 2s}, {@code 500ms}, {@code PT2S}); {@code crash} is null or a
 * {@link Crash} point. {@code keyShare} below 1 narrows a kafka rule to that share of record keys (order ids), chosen
 * by the key's hash: the same orders every time, so for them the fault is permanent while the rule lasts, and the
 * other orders go through untouched.
 */
record FaultRule(String id, Target target,
        @JsonSerialize(using = ToStringSerializer.class) Duration latency,
        @JsonSerialize(using = ToStringSerializer.class) Duration jitter,
        double errorRate, int errorStatus, boolean refuse, boolean duplicateDelivery, boolean crashBeforeAck,
        Crash crash, double keyShare, String createdAt) {

    static final int DEFAULT_ERROR_STATUS = 503;

    FaultRule {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
        }
        if (errorStatus < 500 || errorStatus > 599) {
            throw new IllegalArgumentException("errorStatus must be a 5xx status, was " + errorStatus);
        }
        if (!(keyShare > 0 && keyShare <= 1)) {
            throw new IllegalArgumentException("keyShare must be above 0 and at most 1, was " + keyShare);
        }
        if (keyShare < 1 && target.type() != TargetType.KAFKA) {
            throw new IllegalArgumentException("keyShare applies to kafka targets only (a record's key is its order id)");
        }
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must not be negative");
        }
        if ((duplicateDelivery || crashBeforeAck) && target.type() != TargetType.KAFKA) {
            throw new IllegalArgumentException("duplicateDelivery and crashBeforeAck apply to kafka targets only");
        }
        if (crash != null && target.type() == TargetType.OUTBOUND_HTTP) {
            // an outbound call is not a handling with a transaction of its own: crash the service it calls instead
            throw new IllegalArgumentException("crash applies to kafka and inbound-http targets only");
        }
        if (latency.isZero() && jitter.isZero() && errorRate == 0 && !refuse && !duplicateDelivery && !crashBeforeAck
                && crash == null) {
            throw new IllegalArgumentException("a rule needs at least one effect: latency, jitter, errorRate, refuse,"
                    + " duplicateDelivery, crashBeforeAck or crash");
        }
    }

    /** Fixed latency plus a uniform share of the jitter: what this one call waits. */
    Duration delay() {
        long jitterNanos = jitter.toNanos();
        return jitterNanos == 0 ? latency : latency.plusNanos(ThreadLocalRandom.current().nextLong(jitterNanos + 1));
    }

    boolean delays() {
        return !latency.isZero() || !jitter.isZero();
    }

    /** Whether the rule covers a record with this key; every record when {@code keyShare} is 1. */
    boolean coversKey(Object key) {
        return keyShare >= 1 || key != null && Math.floorMod(key.toString().hashCode(), 1000) < keyShare * 1000;
    }

    /** Decided per call, so {@code 0.5} fails about every other call. */
    boolean failsThisCall() {
        return errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate;
    }

    record Target(TargetType type, String name) {

        Target {
            if (type == null || name == null || name.isBlank()) {
                throw new IllegalArgumentException("target needs a type (inbound-http, outbound-http, kafka) and a name");
            }
        }

        @Override
        public String toString() {
            return type.wireName() + ":" + name;
        }
    }

    enum TargetType {
        INBOUND_HTTP, OUTBOUND_HTTP, KAFKA;

        @JsonValue
        String wireName() {
            return FaultRule.wireName(this);
        }
    }

    /**
     * Where a {@code crash} rule halts the JVM, on the thread handling a matching record or request: when its
     * transaction is about to commit (nothing of it is committed), or right after the commit, before the outbox's
     * relay is handed what the transaction wrote.
     */
    enum Crash {
        BEFORE_COMMIT, AFTER_COMMIT;

        @JsonValue
        String wireName() {
            return FaultRule.wireName(this);
        }
    }

    /** The effect label of the {@code faults.injected} counter. */
    enum Effect {
        LATENCY, ERROR, REFUSE, DUPLICATE, CRASH_BEFORE_ACK, CRASH;

        String tag() {
            return wireName(this);
        }
    }

    /** How the API writes a constant: lower case, words joined by '-' ({@code BEFORE_COMMIT} is before-commit). */
    private static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant written so, ignoring case and surrounding blanks.
     *
     * @param field how the error names the field, e.g. "crash"
     * @param choices the enum's {@code values()}, in the order the error lists them
     * @throws IllegalArgumentException naming the field and its choices, for the 400 answer
     */
    static <E extends Enum<E>> E fromWireName(String field, E[] choices, String wireName) {
        String wanted = String.valueOf(wireName).strip();
        return Arrays.stream(choices).filter(choice -> wireName(choice).equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> {
                    List<String> names = Arrays.stream(choices).map(FaultRule::wireName).toList();
                    String allButLast = String.join(", ", names.subList(0, names.size() - 1));
                    return new IllegalArgumentException(field + " must be " + allButLast + " or "
                            + names.get(names.size() - 1) + ", was " + wireName);
                });
    }
}
