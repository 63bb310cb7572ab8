package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every command the orchestrator sends is delivered twice: an exact copy (same key, value, headers, so the same message
 * id) written to its topic up to 5 s later, possibly after the saga moved on. The participants' idempotent consumers
 * recognise each copy: delivered many, applied none, nothing charged or reserved twice.
 */
final class DuplicateDelivery implements Demo {

    static final Duration WINDOW = Duration.ofSeconds(20);

    @Override
    public About about() {
        return new About("duplicate-delivery",
                "every command delivered twice for " + WINDOW.toSeconds() + " s; duplicates delivered vs applied "
                        + "(applied must be 0)",
                List.of("place 4 orders/s for its own customers and items",
                        "for " + WINDOW.toSeconds() + " s copy every record on inventory-, payment-, shipping- and order-commands "
                                + "back onto its topic, up to 5 s later (an exact copy, as a producer retry or a rebalance gives)",
                        "wait until every order has ended; count the effects each service recorded per order: a copy that "
                                + "was applied shows up as an effect recorded twice"),
                List.of("Grafana > Microplatform / Messaging > \"Duplicates skipped by idempotent consumers\"; "
                                + "Microplatform / Saga > \"Replies ignored (duplicate, late or for another step)\"",
                        "curl -s http://127.0.0.1:8082/actuator/prometheus | grep messaging_duplicates_skipped"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        List<String> participants = List.of("inventory-service", "payment-service", "shipping-service", "order-service");
        double skippedBefore = skipped(stack, participants);
        OrderTraffic orders = Demos.orders(stack, this, Demos.PLENTIFUL, 4);
        orders.start();
        CompletableFuture<Map<String, Long>> copies = CompletableFuture.supplyAsync(() -> orders.duplicateCommands(stack.paced(WINDOW)));
        stack.say("every command is delivered twice for " + stack.paced(WINDOW).toSeconds() + " s");
        Map<String, Long> duplicated = copies.join();
        Instant healed = Instant.now();
        orders.stop();
        long delivered = duplicated.values().stream().mapToLong(Long::longValue).sum();
        stack.say(delivered + " copies delivered " + duplicated + "; waiting until every order has ended ...");
        Duration ended = orders.awaitEnded(Duration.ofSeconds(90));
        Measure.sleep(Duration.ofSeconds(6)); // the last copies are up to 5 s late
        OrderTraffic.Ended outcome = orders.check(healed, duplicated);
        double skipped = skipped(stack, participants) - skippedBefore;
        return new Verdict().figure(outcome.duplicatesDelivered() + " duplicate commands delivered, "
                        + outcome.duplicatesApplied() + " applied (the consumers counted " + (long) skipped + " as already processed)")
                .require(delivered > 0, "no command was duplicated")
                .require(outcome.duplicatesApplied() == 0, outcome.duplicatesApplied() + " duplicate(s) applied")
                .require(ended != null, "not every order ended")
                .nothingLost(outcome);
    }

    private static double skipped(DemoStack stack, List<String> services) {
        double total = 0;
        for (String service : services) {
            for (String instance : stack.instances(service)) {
                total += Measure.sum(stack.get(instance, "/actuator/prometheus"), "messaging_duplicates_skipped_total",
                        Map.of());
            }
        }
        return total;
    }
}
