package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * shipping-service's quote endpoint answers 3 s late. order-service's time limiter stops waiting after 1.5 s, its
 * breaker opens on the time-outs and answers at once with the flat-rate fallback, its bulkhead caps the calls in
 * flight: placing an order stays fast while shipping is slow, and the sagas (which never wait on a quote) go on.
 */
final class SlowShipping implements Demo {

    static final Duration LATENCY = Duration.ofSeconds(3);
    static final Duration PHASE = Duration.ofSeconds(15);
    /** The time limiter's 1.5 s plus what a busy 2-core machine adds. */
    static final double SLOWEST_ACCEPTABLE_P99 = 2.0;

    @Override
    public About about() {
        return new About("slow-shipping",
                "shipping answers quotes " + LATENCY.toSeconds() + " s late; the time limiter, breaker and bulkhead "
                        + "keep order placement fast (p99 before vs during) and the sagas going",
                List.of("place 4 orders/s for " + PHASE.toSeconds() + " s: placement latency before",
                        "then quotes answer " + LATENCY.toSeconds() + " s late for " + PHASE.toSeconds() + " s: fault "
                                + "shipping-service --target inbound:/api/shipping/quotes --latency 3s; placement latency during",
                        "count order-service's time-outs and breaker rejections for 'shipping'; clear the fault",
                        "wait until every order has ended: the sagas never waited on a quote"),
                List.of("Grafana > Microplatform / Resilience > \"Time limiter outcomes per second\", \"Breaker state "
                                + "(1 = current)\", \"Bulkhead: calls in use\"; Microplatform / Platform overview > "
                                + "\"Slowest response in the last step by instance\"",
                        "curl -s http://127.0.0.1:8081/actuator/prometheus | grep -E 'timelimiter_calls_total.*shipping|"
                                + "circuitbreaker_state.*shipping'",
                        "time curl -s -X POST http://127.0.0.1:8081/api/orders -H 'Content-Type: application/json' -d @order.json"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        OrderTraffic orders = Demos.orders(stack, this, Demos.PLENTIFUL, 4);
        orders.place(stack.paced(Duration.ofSeconds(3)), () -> { }); // warm-up: not measured
        Instant before = Instant.now();
        orders.place(stack.paced(PHASE), () -> { });
        String metricsBefore = stack.get("order-service", "/actuator/prometheus");
        stack.addFaultEverywhere("shipping-service", Map.of("target",
                Map.of("type", "inbound-http", "name", "/api/shipping/quotes"), "latency", LATENCY.toMillis() + "ms"));
        Instant during = Instant.now();
        stack.say("shipping answers quotes " + LATENCY.toSeconds() + " s late now");
        orders.place(stack.paced(PHASE), () -> { });
        Instant after = Instant.now();
        String metricsDuring = stack.get("order-service", "/actuator/prometheus");
        stack.clearFaults();
        List<OrderTraffic.Sent> sent = orders.stop();
        double p99Before = p99(sent, before, during);
        double p99During = p99(sent, during, after);
        long acceptedDuring = sent.stream().filter(s -> inside(s, during, after) && s.accepted()).count();
        long placedDuring = sent.stream().filter(s -> inside(s, during, after)).count();
        double timeouts = delta(metricsBefore, metricsDuring, "resilience4j_timelimiter_calls_total",
                Map.of("name", "shipping", "kind", "timeout"));
        double notPermitted = delta(metricsBefore, metricsDuring, "resilience4j_circuitbreaker_not_permitted_calls_total",
                Map.of("name", "shipping"));
        stack.say("placement p99 " + Measure.millis(p99Before) + " before, " + Measure.millis(p99During) + " during; "
                + (long) timeouts + " quote(s) timed out, " + (long) notPermitted + " answered by the open breaker");
        Duration ended = orders.awaitEnded(Duration.ofSeconds(90));
        return new Verdict().figure("placement p99 " + Measure.millis(p99Before) + " before, "
                        + Measure.millis(p99During) + " while quotes took " + LATENCY.toSeconds() + " s; " + acceptedDuring + "/" + placedDuring
                        + " accepted during; " + (long) timeouts + " quote time-outs, " + (long) notPermitted
                        + " calls not permitted (breaker open)")
                .require(p99During < SLOWEST_ACCEPTABLE_P99, "placement p99 during the fault was "
                        + Measure.millis(p99During) + " (limit " + Measure.millis(SLOWEST_ACCEPTABLE_P99) + ")")
                .require(acceptedDuring == placedDuring, (placedDuring - acceptedDuring) + " placement(s) refused during the fault")
                .require(timeouts + notPermitted > 0, "no quote was cut short: the fault did not bite")
                .require(ended != null, "not every order ended")
                .nothingLost(orders.check(after, Map.of()));
    }

    private static boolean inside(OrderTraffic.Sent sent, Instant from, Instant until) {
        return !sent.due().isBefore(from) && sent.due().isBefore(until);
    }

    private static double p99(List<OrderTraffic.Sent> sent, Instant from, Instant until) {
        return Measure.percentile(sent.stream().filter(s -> inside(s, from, until))
                .map(OrderTraffic.Sent::latencySeconds).toList(), 0.99);
    }

    private static double delta(String before, String after, String metric, Map<String, String> labels) {
        return Measure.sum(after, metric, labels) - Measure.sum(before, metric, labels);
    }
}
