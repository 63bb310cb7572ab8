package io.microplatform.messaging;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a consumer in its group: all records of one poll must be handled before max.poll.interval.ms runs out, or
 * Kafka throws the consumer out and hands its partitions to another, which then gets the same slow records (a
 * rebalance storm). Half the interval is the budget, the other half a margin for a busy machine.
 *
 * @param pollInterval max.poll.interval.ms
 * @param maxHandlingTime messaging.consumer.max-handling-time: the slowest one record may take
 * @param maxBackoff messaging.consumer.max-backoff: the longest wait before a failed record is tried again
 */
record ConsumerBudget(Duration pollInterval, Duration maxHandlingTime, Duration maxBackoff) {

    /** Kafka's defaults of max.poll.records and max.poll.interval.ms. */
    static final int KAFKA_MAX_POLL_RECORDS = 500;
    static final Duration KAFKA_POLL_INTERVAL = Duration.ofMinutes(5);

    private Duration budget() {
        return pollInterval.dividedBy(2);
    }

    /** As many records as fit the budget at their slowest, at most Kafka's default. */
    int maxPollRecords() {
        return (int) Math.max(1, Math.min(KAFKA_MAX_POLL_RECORDS, budget().toMillis() / Math.max(1, maxHandlingTime.toMillis())));
    }

    /** What is wrong with polling {@code maxPollRecords} at a time, in one line; empty when it fits. */
    Optional<String> violation(int maxPollRecords) {
        Duration poll = maxHandlingTime.multipliedBy(maxPollRecords);
        if (poll.compareTo(budget()) > 0) {
            return Optional.of("max.poll.records (" + maxPollRecords + ") x messaging.consumer.max-handling-time ("
                    + text(maxHandlingTime) + ") = " + text(poll) + " exceeds half of max.poll.interval.ms ("
                    + text(pollInterval) + "): a poll of slow records would get this consumer thrown out of its group");
        }
        Duration retry = maxHandlingTime.plus(maxBackoff);
        if (retry.compareTo(budget()) > 0) {
            return Optional.of("messaging.consumer.max-handling-time (" + text(maxHandlingTime)
                    + ") + messaging.consumer.max-backoff (" + text(maxBackoff) + ") = " + text(retry)
                    + " exceeds half of max.poll.interval.ms (" + text(pollInterval)
                    + "): retrying a failed record would get this consumer thrown out of its group");
        }
        return Optional.empty();
    }

    /** 10s, 1h23m20s: as a property would be written. */
    private static String text(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Refuses to start a consumer whose configuration breaks the budget (ConsumerBudgetFailureAnalyzer says why). */
    static final class ExceededException extends IllegalStateException {

        ExceededException(String reason) {
            super(reason);
        }
    }
}
