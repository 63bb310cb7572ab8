package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every demo, in the order {@code ./platform demo} lists them. */
public final class Demos {

    public static final List<Demo> ALL = List.of(new PaymentOutage(), new SlowShipping(), new OrchestratorCrash(),
            new BrokerOutage(), new DuplicateDelivery(), new InstanceLoss(), new StaleLeader(), new Partition(),
            new LbStrategies());

    private Demos() {
    }

    public static Optional<Demo> named(String name) {
        return ALL.stream().filter(demo -> demo.name().equals(name)).findFirst();
    }

    /** Plenty of each of six items: no order of a demo fails for want of stock unless the demo wants it to. */
    static final List<Integer> PLENTIFUL = java.util.Collections.nCopies(6, 100_000);
    /** How long orders run before a demo's fault (its steps say "after 8 s"). */
    static final Duration WARM_UP = Duration.ofSeconds(8);

    /** Ten customers who can pay for anything, the items {@code stock} lists, orders at {@code rate} per second. */
    static OrderTraffic orders(DemoStack stack, Demo demo, List<Integer> stock, double rate) throws SQLException {
        return OrderTraffic.create(stack, runId(demo.name()), 10, stock, rate);
    }

    /**
     * As {@link #orders}, started, returned once the first seconds of traffic have warmed the stack (every price cached,
     * every pool and breaker in use): what the demos that then inject a fault measure against.
     */
    static OrderTraffic ordersWarmedUp(DemoStack stack, Demo demo, List<Integer> stock, double rate) throws SQLException {
        OrderTraffic orders = orders(stack, demo, stock, rate);
        orders.start();
        Measure.sleep(stack.paced(WARM_UP));
        return orders;
    }

    /**
     * Puts a fault in place while the orders keep coming and holds it: {@code inject} puts it in place, {@code hold}
     * lasts as long as it stays (saying or watching what the demo shows meanwhile). Clearing it is the demo's own step.
     */
    static FaultWindow faultWindow(OrderTraffic orders, Runnable inject, Runnable hold) {
        int placedBefore = orders.placed();
        inject.run();
        Instant inPlace = Instant.now();
        hold.run();
        return new FaultWindow(placedBefore, orders.placed() - placedBefore, inPlace);
    }

    /**
     * The orders placed while a fault lasted, by number: the {@code placed} after the first {@code placedBefore};
     * {@code inPlace} is when the fault had been put in place.
     */
    record FaultWindow(int placedBefore, int placed, Instant inPlace) {

        /** How many of them order-service accepted; {@code sent}: every placement, once the orders have stopped. */
        long accepted(List<OrderTraffic.Sent> sent) {
            return sent.stream().filter(s -> s.number() > placedBefore && s.number() <= placedBefore + placed)
                    .filter(OrderTraffic.Sent::accepted).count();
        }
    }

    /** Names a demo's data (customers, items, idempotency keys) so runs never share it. */
    static String runId(String demo) {
        return demo + "-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    }
}
