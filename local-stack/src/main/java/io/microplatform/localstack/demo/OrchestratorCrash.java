package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * kill -9 of the saga orchestrator with sagas in flight. Their state is in its database and every command it sent is
 * in an outbox; after the restart the sweeper re-sends what is overdue, replies waiting on Kafka are consumed, and every
 * saga finishes.
 */
final class OrchestratorCrash implements Demo {

    static final Duration DOWN = Duration.ofSeconds(10);

    @Override
    public About about() {
        return new About("orchestrator-crash",
                "kill -9 the saga orchestrator with sagas in flight; restart it; every saga finishes",
                List.of("place 5 orders/s for its own customers and items",
                        "shipping takes 500 ms per CreateShipment (fault shipping-service --target kafka:shipping.CreateShipment "
                                + "--latency 500ms), so that sagas are half-way at any moment",
                        "after 6 s, with sagas in flight: ./platform kill saga-orchestrator (kill -9)",
                        "orders keep coming for " + DOWN.toSeconds() + " s (order-service does not need the orchestrator to accept)",
                        "./platform restart saga-orchestrator; measure until every order has ended"),
                List.of("Grafana > Microplatform / Saga > \"Sagas in flight (RUNNING or COMPENSATING)\", \"Oldest saga in "
                                + "flight (age)\"; Microplatform / Messaging > \"Consumer lag (records, max over partitions)\"",
                        "./platform ps    # saga-orchestrator: exited, then starting, then healthy",
                        "curl -s 'http://127.0.0.1:8085/api/sagas?state=RUNNING'"));
    }

    private static long notEnded(OrderTraffic orders) {
        try {
            return orders.notEnded();
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        OrderTraffic orders = Demos.orders(stack, this, Demos.PLENTIFUL, 5);
        // each shipment takes half a second, so that sagas are half-way at any moment, not only for milliseconds
        stack.addFaultEverywhere("shipping-service", Map.of("target",
                Map.of("type", "kafka", "name", "shipping.CreateShipment"), "latency", "500ms"));
        orders.start();
        Measure.sleep(stack.paced(Duration.ofSeconds(6)));
        Measure.await(Duration.ofSeconds(10), Duration.ofMillis(20), () -> notEnded(orders) >= 3);
        stack.kill("saga-orchestrator");
        long inFlight = orders.notEnded();
        Instant killed = Instant.now();
        stack.say("killed the orchestrator (kill -9) with " + inFlight + " of " + orders.placed() + " orders in flight");
        Measure.sleep(stack.paced(DOWN));
        long waiting = orders.notEnded();
        stack.say(waiting + " orders waiting for a saga; restarting the orchestrator ...");
        Instant restarting = Instant.now();
        stack.restart("saga-orchestrator");
        Duration restart = Duration.between(restarting, Instant.now());
        stack.say("orchestrator healthy again after " + Measure.seconds(restart));
        stack.clearFaults();
        Measure.sleep(stack.paced(Duration.ofSeconds(3)));
        List<OrderTraffic.Sent> sent = orders.stop();
        long accepted = sent.stream().filter(OrderTraffic.Sent::accepted).count();
        Duration ended = orders.awaitEnded(Duration.ofSeconds(120));
        Duration finished = ended == null ? null : Duration.between(restarting, Instant.now()).minus(restart);
        return new Verdict().figure(inFlight + " sagas in flight at the kill, " + waiting + " orders waiting when it "
                        + "restarted (" + Measure.seconds(restart) + "); all " + accepted + " accepted orders ended "
                        + Measure.seconds(finished) + " after it was healthy")
                .require(inFlight > 0, "no saga was in flight at the kill")
                .require(ended != null, "not every order ended within 120 s")
                .nothingLost(orders.check(restarting.plus(restart), Map.of()));
    }
}
