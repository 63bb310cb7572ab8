package io.microplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumerBudgetTest {

    private static final Duration FIVE_MINUTES = ConsumerBudget.KAFKA_POLL_INTERVAL;
    private static final Duration BACKOFF = Duration.ofSeconds(5);

    @Test
    void pollsAsManyRecordsAsFitHalfThePollIntervalAtTheirSlowest() {
        assertThat(new ConsumerBudget(FIVE_MINUTES, Duration.ofSeconds(2), BACKOFF).maxPollRecords()).isEqualTo(75);
        assertThat(new ConsumerBudget(FIVE_MINUTES, Duration.ofSeconds(10), BACKOFF).maxPollRecords()).isEqualTo(15);
        // fast handlers keep Kafka's default
        assertThat(new ConsumerBudget(FIVE_MINUTES, Duration.ofMillis(100), BACKOFF).maxPollRecords()).isEqualTo(500);
        assertThat(new ConsumerBudget(FIVE_MINUTES, Duration.ofMinutes(10), BACKOFF).maxPollRecords()).isOne();
    }

    @Test
    void acceptsWhatFits() {
        ConsumerBudget budget = new ConsumerBudget(FIVE_MINUTES, Duration.ofSeconds(10), BACKOFF);

        assertThat(budget.violation(budget.maxPollRecords())).isEmpty();
        assertThat(budget.violation(15)).isEmpty();
    }

    @Test
    void refusesKafkasDefaultForASlowHandlerInOneLine() {
        ConsumerBudget budget = new ConsumerBudget(FIVE_MINUTES, Duration.ofSeconds(10), BACKOFF);

        assertThat(budget.violation(500)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("max.poll.records (500) x messaging.consumer.max-handling-time (10s) = 1h23m20s exceeds "
                        + "half of max.poll.interval.ms (5m): a poll of slow records would get this consumer thrown "
                        + "out of its group")
                .doesNotContain("\n"));
        assertThat(budget.violation(16)).isPresent();
    }

    @Test
    void refusesABackOffThatWouldOutlastThePollInterval() {
        ConsumerBudget budget = new ConsumerBudget(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(9));

        assertThat(budget.violation(1)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("messaging.consumer.max-handling-time (2s) + messaging.consumer.max-backoff (9s) = 11s exceeds"));
    }
}
