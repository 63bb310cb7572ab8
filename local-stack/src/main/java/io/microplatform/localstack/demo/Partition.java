package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * order-service cannot reach inventory-service over HTTP. Each component makes its CAP choice: placement stays
 * available on the prices it cached (a price may be stale: availability), while stock is decided by inventory alone,
 * in its database, through the saga (consistency: never oversold, refused when gone).
 */
final class Partition implements Demo {

    static final Duration CUT = Duration.ofSeconds(20);
    static final int SCARCE = 30;

    @Override
    public About about() {
        return new About("partition",
                "order-service cut off from inventory; placement goes on with cached prices (availability) while "
                        + "stock stays exact (consistency)",
                List.of("place 4 orders/s for its own customers and six items, one of them with only " + SCARCE + " units",
                        "after 8 s (every price cached): fault order-service --target outbound:inventory-service --refuse "
                                + "for " + CUT.toSeconds() + " s, orders still coming",
                        "clear the fault; wait until every order has ended; compare stock with what the confirmed orders took"),
                List.of("Grafana > Microplatform / Resilience > \"Breaker state (1 = current)\" (inventory), \"Calls "
                                + "through breakers by result\"; Microplatform / Platform overview > \"Client calls per second by outcome\"",
                        "curl -s http://127.0.0.1:8081/api/orders/{orderId}     # \"degraded\": the prices came from the cache",
                        "curl -s http://127.0.0.1:8083/api/inventory/items/{sku}  # stock, from inventory's own database"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        OrderTraffic orders = Demos.ordersWarmedUp(stack, this, List.of(SCARCE, 100_000, 100_000, 100_000, 100_000, 100_000), 4);
        Demos.FaultWindow cut = Demos.faultWindow(orders,
                () -> stack.addFaultEverywhere("order-service", Map.of("target",
                        Map.of("type", "outbound-http", "name", "inventory-service"), "refuse", true)),
                () -> {
                    stack.say("order-service cannot connect to inventory-service now");
                    Measure.sleep(stack.paced(CUT));
                });
        stack.clearFaults();
        Instant healed = Instant.now();
        stack.say("connected again");
        Measure.sleep(stack.paced(Duration.ofSeconds(4)));
        long acceptedDuring = cut.accepted(orders.stop());
        Duration ended = orders.awaitEnded(Duration.ofSeconds(90));
        OrderTraffic.Ended outcome = orders.check(healed, Map.of());
        String scarce = orders.skus().get(0);
        int sold = outcome.sold().get(scarce);
        stack.say("availability: order-service accepted " + acceptedDuring + " of " + cut.placed()
                + " orders while it could not reach inventory (prices from its cache)");
        stack.say("consistency: the scarce item had " + SCARCE + " units; confirmed orders took " + sold
                + ", its stock drift is " + outcome.stockDrift().get(scarce) + " (inventory decides, in one transaction)");
        return new Verdict().figure(acceptedDuring + "/" + cut.placed() + " orders accepted during the "
                        + stack.paced(CUT).toSeconds() + " s cut (cached prices); scarce item " + sold + " of " + SCARCE
                        + " units sold, " + Math.max(0, sold - SCARCE) + " oversold")
                .require(cut.placed() > 0 && acceptedDuring == cut.placed(), (cut.placed() - acceptedDuring)
                        + " placement(s) refused while inventory was cut off")
                .require(sold <= SCARCE, "oversold: " + sold + " units of " + SCARCE)
                .require(ended != null, "not every order ended")
                .nothingLost(outcome);
    }
}
