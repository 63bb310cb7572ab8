package io.microplatform.support.faults;

import io.microplatform.support.faults.FaultRule.Crash;
import io.microplatform.support.faults.FaultRule.Target;
import io.microplatform.support.faults.FaultRule.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.convert.DurationStyle;

/**
 * The body of POST /actuator/faults; absent effects are off, durations as {@code 2s}, {@code 500ms} or {@code PT2S},
 * {@code crash} as {@code before-commit} or {@code after-commit}.
 */
record FaultRequest(TargetRequest target, String latency, String jitter, Double errorRate, Integer errorStatus,
        Boolean refuse, Boolean duplicateDelivery, Boolean crashBeforeAck, String crash, Double keyShare) {

    record TargetRequest(String type, String name) {
    }

    /** @throws IllegalArgumentException naming what is wrong with the request */
    FaultRule toRule(Instant now) {
        if (target == null) {
            throw new IllegalArgumentException("target is required: {\"type\":\"inbound-http|outbound-http|kafka\",\"name\":\"...\"}");
        }
        TargetType type = FaultRule.fromWireName("target type", TargetType.values(), target.type());
        Crash crashPoint = crash == null || crash.isBlank() ? null : FaultRule.fromWireName("crash", Crash.values(), crash);
        return new FaultRule(UUID.randomUUID().toString(), new Target(type, target.name()),
                duration("latency", latency), duration("jitter", jitter), errorRate == null ? 0 : errorRate,
                errorStatus == null ? FaultRule.DEFAULT_ERROR_STATUS : errorStatus, Boolean.TRUE.equals(refuse),
                Boolean.TRUE.equals(duplicateDelivery), Boolean.TRUE.equals(crashBeforeAck), crashPoint,
                keyShare == null ? 1.0 : keyShare, now.toString());
    }

    private static Duration duration(String field, String value) {
        try {
            return value == null || value.isBlank() ? Duration.ZERO : DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a duration like 2s, 500ms or PT2S, was " + value);
        }
    }
}
