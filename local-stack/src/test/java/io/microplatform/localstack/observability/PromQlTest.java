package io.microplatform.localstack.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsSelectorsInsideFunctionsAggregationsAndBinaryOperators() {
        List<Selector> selectors = PromQl.selectors("""
                histogram_quantile(0.95, sum by (le, state) (rate(saga_duration_seconds_bucket{application="saga-orchestrator"}[$__rate_interval])))
                / on (state) group_left sum without (instance) (rate(saga_started_total[5m] offset 1h)) > bool 0.5e1
                or absent(up{job="microplatform",app=~"order-.*"}) unless count(inf)
                """);

        assertThat(selectors).extracting(Selector::toString).containsExactly(
                "saga_duration_seconds_bucket{application=\"saga-orchestrator\"}",
                "saga_started_total",
                "up{job=\"microplatform\",app=~\"order-.*\"}");
    }

    @Test
    void readsSelectorsWrittenAsNameMatchersAndGrafanaVariables() {
        assertThat(PromQl.selectors("sum({__name__=\"jvm_info\", application=~\"$application\"}) by (application)"))
                .singleElement().extracting(Selector::toString)
                .isEqualTo("jvm_info{application=~\"$application\"}");
    }

    @Test
    void matchesLikePrometheusAnchoredRegexesMissingLabelsAndVariables() {
        Selector selector = PromQl.selectors(
                "x{a=~\"o.*\",b!=\"1\",c=\"\",d=~\"$var\",e!~\"z|y\"}").get(0);

        assertThat(selector.matches("x", Map.of("a", "order", "d", "any", "e", "w"))).isTrue();
        assertThat(selector.matches("x", Map.of("a", "borders", "d", "any"))).as("regex anchored").isFalse();
        assertThat(selector.matches("x", Map.of("a", "order", "c", "set", "d", "any"))).as("c must be absent").isFalse();
        assertThat(selector.matches("x", Map.of("a", "order"))).as("a variable needs its label").isFalse();
        assertThat(selector.matches("y", Map.of("a", "order", "d", "any"))).isFalse();
    }

    @Test
    void rejectsWhatPrometheusWouldNotParseAndSelectorsNamingNoMetric() {
        for (String broken : List.of("sum(rate(x[5m])", "rate(x[5 minutes])", "x{a=\"1\"", "x{a~\"1\"}",
                "x{a=~\"(\"}", "sum by (a-b) (x)", "x + $threshold", "x ; y", "{a=\"1\"}")) {
            assertThatThrownBy(() -> PromQl.selectors(broken)).as(broken).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void readsTheTextExpositionFormatWithTargetLabelsAndUp() {
        ExposedSeries series = new ExposedSeries();
        series.addTarget("""
                # HELP saga_cancelled_total
                # TYPE saga_cancelled_total counter
                saga_cancelled_total{application="saga-orchestrator",reason="OUT_OF_STOCK"} 1.0
                jvm_info{runtime="a \\"quoted\\", comma",vendor="x"} 1
                process_uptime_seconds 12.5
                """, Map.of("job", "microplatform", "app", "saga-orchestrator", "instance", "saga-orchestrator:8085"));

        assertThat(series.anyMatch(PromQl.selectors("saga_cancelled_total{reason=\"OUT_OF_STOCK\",job=\"microplatform\"}").get(0))).isTrue();
        assertThat(series.anyMatch(PromQl.selectors("jvm_info{vendor=\"x\",runtime=~\".*comma\"}").get(0))).isTrue();
        assertThat(series.anyMatch(PromQl.selectors("process_uptime_seconds{instance=\"saga-orchestrator:8085\"}").get(0))).isTrue();
        assertThat(series.anyMatch(PromQl.selectors("up{app=\"saga-orchestrator\"}").get(0))).isTrue();
        assertThat(series.anyMatch(PromQl.selectors("saga_cancelled_total{reason=\"TIMED_OUT\"}").get(0))).isFalse();
    }
}
