package io.microplatform.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackCountersTest {

    private static final String EXPOSITION = """
            # HELP outbox_publish_latency_seconds From commit to the broker's ack
            # TYPE outbox_publish_latency_seconds summary
            outbox_publish_latency_seconds_count{application="order-service",topic="order.events"} 120
            outbox_publish_latency_seconds_sum{application="order-service",topic="order.events"} 0.6
            outbox_publish_latency_seconds_count{application="order-service",topic="saga.replies"} 80
            outbox_publish_latency_seconds_sum{application="order-service",topic="saga.replies"} 0.4
            # TYPE outbox_publish_latency_seconds_max gauge
            outbox_publish_latency_seconds_max{application="order-service",topic="order.events"} 0.031
            outbox_publish_latency_seconds_max{application="order-service",topic="saga.replies"} 0.012
            outbox_pending{application="order-service"} 0.0
            """;

    @Test
    void sumsASeriesOverItsLabelsAndFindsItsLargestValue() {
        assertThat(StackCounters.sum(EXPOSITION, "outbox_publish_latency_seconds_count")).isEqualTo(200);
        assertThat(StackCounters.sum(EXPOSITION, "outbox_publish_latency_seconds_sum")).isEqualTo(1.0);
        assertThat(StackCounters.max(EXPOSITION, "outbox_publish_latency_seconds_max")).isEqualTo(0.031);
        assertThat(StackCounters.sum(EXPOSITION, "outbox_publish_latency")).isZero();
    }

    @Test
    void theMeanLatencyIsOverTheMessagesPublishedBetweenTwoReadings() {
        StackCounters.OutboxLatency before = new StackCounters.OutboxLatency(200, 1.0, 0.031);
        StackCounters.OutboxLatency after = new StackCounters.OutboxLatency(300, 1.8, 0.040);

        assertThat(after.meanMillisSince(before)).isEqualTo(8.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(after.meanMillisSince(after)).isZero();
    }
}
