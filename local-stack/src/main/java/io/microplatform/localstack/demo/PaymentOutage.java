package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The payment provider fails every call: payment-service's breaker opens, charges stop reaching the provider, sagas
 * wait and are re-sent or cancelled TIMED_OUT with nothing charged; the provider comes back, the breaker closes.
 */
final class PaymentOutage implements Demo {

    static final String BREAKER = "payment-provider";
    static final Duration OUTAGE = Duration.ofSeconds(20);

    @Override
    public About about() {
        return new About("payment-outage",
                "the payment provider fails; payment-service's breaker opens, nothing is charged for a cancelled order, "
                        + "the breaker closes once the provider is back",
                List.of("place 4 orders/s for its own customers and items",
                        "after 8 s every call to the payment provider answers 503 for " + OUTAGE.toSeconds() + " s: "
                                + "fault payment-service --target inbound:/simulated/payment-provider/** --error-rate 1",
                        "measure when the breaker '" + BREAKER + "' opens, clear the fault, measure when it closes",
                        "wait until every order has ended; check each service's data: nothing charged twice or for a cancelled order"),
                List.of("Grafana > Microplatform / Resilience > \"Breaker state (1 = current)\" and \"Calls not permitted "
                                + "(breaker open)\"; Microplatform / Saga > \"Cancellations by reason (in range)\"",
                        "curl -s http://127.0.0.1:8082/actuator/prometheus | grep 'circuitbreaker_state{.*payment-provider'",
                        "curl -s http://127.0.0.1:8082/actuator/circuitbreakers"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        OrderTraffic orders = Demos.ordersWarmedUp(stack, this, Demos.PLENTIFUL, 4);
        List<String> payments = stack.instances("payment-service");
        double rejectedBefore = notPermitted(stack, payments);
        stack.addFaultEverywhere("payment-service", Map.of("target",
                Map.of("type", "inbound-http", "name", "/simulated/payment-provider/**"), "errorRate", 1));
        stack.say("the payment provider fails every call now");
        Duration outage = stack.paced(OUTAGE);
        Duration opened = Measure.await(outage, Duration.ofMillis(200), () -> breakerIs(stack, payments, "open"));
        stack.say("breaker " + BREAKER + (opened == null ? " did not open" : " open after " + Measure.seconds(opened)));
        Measure.sleep(opened == null ? Duration.ZERO : outage.minus(opened));
        stack.clearFaults();
        Instant healed = Instant.now();
        stack.say("the provider answers again; waiting for the breaker to close ...");
        Duration closed = Measure.await(Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> breakerIs(stack, payments, "closed"));
        stack.say("breaker " + BREAKER + (closed == null ? " still not closed" : " closed after " + Measure.seconds(closed)));
        double rejected = notPermitted(stack, payments) - rejectedBefore;
        Measure.sleep(stack.paced(Duration.ofSeconds(5)));
        List<OrderTraffic.Sent> sent = orders.stop();
        stack.say(sent.size() + " orders placed; waiting until every order has ended ...");
        Duration ended = orders.awaitEnded(Duration.ofSeconds(150));
        OrderTraffic.Ended outcome = orders.check(healed, Map.of());
        return new Verdict().require(opened != null, "the breaker never opened")
                .require(closed != null, "the breaker did not close within 60 s of the provider's return")
                .require(rejected > 0, "the open breaker turned no call away")
                .require(ended != null, "not every order ended")
                .figure("breaker open " + Measure.seconds(opened) + " after the provider failed, closed "
                        + Measure.seconds(closed) + " after it came back; " + (long) rejected
                        + " charges turned away by the open breaker; saga p99 " + String.format(java.util.Locale.ROOT,
                                "%.1f s", outcome.completionP99Seconds()))
                .nothingLost(outcome);
    }

    private static double notPermitted(DemoStack stack, List<String> instances) {
        return instances.stream().mapToDouble(instance -> Measure.sum(stack.get(instance, "/actuator/prometheus"),
                "resilience4j_circuitbreaker_not_permitted_calls_total", Map.of("name", BREAKER))).sum();
    }

    private static boolean breakerIs(DemoStack stack, List<String> instances, String state) {
        return instances.stream().anyMatch(instance -> {
            try {
                return Measure.sum(stack.get(instance, "/actuator/prometheus"), "resilience4j_circuitbreaker_state",
                        Map.of("name", BREAKER, "state", state)) == 1;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}
