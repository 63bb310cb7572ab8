package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kafka is down for 20 s while orders keep coming. Every service writes its messages to its outbox in the transaction
 * of the change; the backlog grows while the broker is away and drains once it is back; nothing is lost.
 */
final class BrokerOutage implements Demo {

    static final Duration OUTAGE = Duration.ofSeconds(20);

    @Override
    public About about() {
        return new About("broker-outage",
                "Kafka down " + OUTAGE.toSeconds() + " s while orders keep coming; the outbox backlog grows and "
                        + "drains; nothing is lost",
                List.of("place 4 orders/s for its own customers and items",
                        "after 8 s: ./platform kill kafka (kill -9 of the broker) for " + OUTAGE.toSeconds() + " s, orders still coming",
                        "read the unpublished outbox rows of all five services every 500 ms (the backlog)",
                        "./platform restart kafka; measure until the backlog is empty and every order has ended"),
                List.of("Grafana > Microplatform / Messaging > \"Outbox backlog (committed, not yet acknowledged by Kafka)\","
                                + " \"Oldest pending outbox message (age)\"",
                        "curl -s http://127.0.0.1:8081/actuator/prometheus | grep -E '^outbox_(pending|oldest)'",
                        "psql -h 127.0.0.1 -p 15432 -U order_service -c 'SELECT count(*) FROM outbox_messages WHERE "
                                + "published_at IS NULL'   # password order_service"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        OrderTraffic orders = Demos.ordersWarmedUp(stack, this, Demos.PLENTIFUL, 4);
        AtomicLong peak = new AtomicLong();
        Demos.FaultWindow outage = Demos.faultWindow(orders, () -> stack.kill("kafka"), () -> {
            stack.say("Kafka is down (kill -9)");
            Measure.await(stack.paced(OUTAGE), Duration.ofMillis(500), () -> {
                peak.accumulateAndGet(backlog(orders), Math::max);
                return false;
            });
        });
        Instant down = outage.inPlace();
        stack.say("outbox backlog at " + peak.get() + " rows; restarting Kafka ...");
        Instant back = Instant.now();
        // the relays publish as soon as the broker listens, before the restart command has seen it healthy
        CompletableFuture<Duration> drained = CompletableFuture.supplyAsync(() -> Measure.await(Duration.ofSeconds(120),
                Duration.ofMillis(250), () -> {
                    long rows = backlog(orders);
                    peak.accumulateAndGet(rows, Math::max);
                    return rows == 0;
                }));
        stack.restart("kafka");
        stack.say("Kafka is ready " + Measure.seconds(Duration.between(back, Instant.now())) + " after its start ("
                + Measure.seconds(Duration.between(down, back)) + " down)");
        Duration drain = drained.join();
        stack.say("backlog " + (drain == null ? "not drained" : "drained " + Measure.seconds(drain) + " after Kafka started again"));
        long acceptedDuring = outage.accepted(orders.stop());
        Duration ended = orders.awaitEnded(Duration.ofSeconds(120));
        return new Verdict().figure("outbox backlog peak " + peak.get() + " rows, drained " + Measure.seconds(drain)
                        + " after the broker started again (down " + Measure.seconds(Duration.between(down, back)) + "); "
                        + acceptedDuring + "/" + outage.placed() + " orders accepted while it was down")
                .require(peak.get() > 0, "the outbox never held anything: the outage did not bite")
                .require(drain != null, "the backlog did not drain within 120 s")
                .require(acceptedDuring == outage.placed(), "order-service refused orders while the broker was down")
                .require(ended != null, "not every order ended")
                .nothingLost(orders.check(back, Map.of()));
    }

    private static long backlog(OrderTraffic orders) {
        try {
            return orders.unpublished();
        } catch (SQLException e) {
            return 0;
        }
    }
}
