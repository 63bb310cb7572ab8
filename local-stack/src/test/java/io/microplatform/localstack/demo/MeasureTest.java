package io.microplatform.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureTest {

    private static final String SCRAPE = """
            # HELP resilience4j_circuitbreaker_state The states of the circuit breaker
            # TYPE resilience4j_circuitbreaker_state gauge
            resilience4j_circuitbreaker_state{application="payment-service",name="payment-provider",state="closed"} 0.0
            resilience4j_circuitbreaker_state{application="payment-service",name="payment-provider",state="open"} 1.0
            resilience4j_circuitbreaker_state_total{name="payment-provider",state="open"} 7.0
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/inventory/items/{sku}"} 40
            http_server_requests_seconds_count{method="GET",outcome="SERVER_ERROR",status="503",uri="/api/inventory/items/{sku}"} 2
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/actuator/health"} 9
            messaging_duplicates_skipped_total{consumer="a\\"b"} 3.0
            messaging_duplicates_skipped_total{consumer="c"} 4.0
            """;

    @Test
    void sumsTheSamplesOfOneMetricWhoseLabelsMatch() {
        assertThat(Measure.sum(SCRAPE, "resilience4j_circuitbreaker_state", Map.of("name", "payment-provider",
                "state", "open"))).isEqualTo(1.0);
        assertThat(Measure.sum(SCRAPE, "http_server_requests_seconds_count",
                Map.of("uri", "/api/inventory/items/{sku}"))).isEqualTo(42.0);
        assertThat(Measure.sum(SCRAPE, "messaging_duplicates_skipped_total", Map.of())).isEqualTo(7.0);
        assertThat(Measure.sum(SCRAPE, "resilience4j_circuitbreaker_state", Map.of("name", "carrier"))).isZero();
    }

    @Test
    void takesTheNearestRankPercentile() {
        List<Double> latencies = List.of(0.1, 0.5, 0.2, 0.4, 0.3, 0.9, 0.8, 0.7, 0.6, 1.0);

        assertThat(Measure.percentile(latencies, 0.5)).isEqualTo(0.5);
        assertThat(Measure.percentile(latencies, 0.99)).isEqualTo(1.0);
        assertThat(Measure.percentile(List.of(), 0.99)).isZero();
    }
}
