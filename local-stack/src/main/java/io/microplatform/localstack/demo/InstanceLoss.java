package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Three inventory instances, one killed with -9 while orders come. Eureka evicts it after its lease runs out; until
 * then order-service's calls that reach it fail at connect and its Retry tries the next instance (or the price cache
 * answers), so no placement fails; afterwards load balancing only knows the two left.
 */
final class InstanceLoss implements Demo {

    static final String SERVICE = "inventory-service";
    static final String PRICE_LOOKUPS = "/api/inventory/items/{sku}";

    @Override
    public About about() {
        return new About("instance-loss",
                "three inventory instances, one killed -9; Eureka evicts it (time), load balancing routes around it, "
                        + "no placement fails",
                List.of("./platform up -d --scale inventory-service=3 (if fewer run); wait until Eureka lists all three",
                        "place 4 orders/s; after 8 s ./platform kill inventory-service-2 (kill -9: no deregistration)",
                        "ask the registry every 500 ms until the instance is gone; 10 s more of orders",
                        "count the price look-ups each instance served after the kill and the placements that failed",
                        "put inventory back to as many instances as before"),
                List.of("Grafana > Microplatform / Platform overview > \"Instances registered in Eureka\", \"Requests per "
                                + "second by instance\", \"Client calls per second by outcome\"; Microplatform / Resilience > "
                                + "\"Retry outcomes\"",
                        "curl -s -H 'Accept: application/json' http://127.0.0.1:8761/eureka/apps/INVENTORY-SERVICE",
                        "http://127.0.0.1:8761 (the Eureka dashboard)"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        stack.scaleUpTo(SERVICE, 3, "starting inventory-service-2 and -3 ...");
        Duration listed = Measure.await(Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> up(stack).size() >= 3);
        if (listed == null) {
            return new Verdict().fail("Eureka does not list three inventory instances");
        }
        List<String> instances = stack.instances(SERVICE);
        String victim = instances.get(1);
        int victimPort = stack.url(victim).getPort();
        OrderTraffic orders = Demos.ordersWarmedUp(stack, this, Demos.PLENTIFUL, 4);
        Map<String, Double> before = lookups(stack, instances);
        // every attempt order-service makes against the dead instance fails at connect: the last one says when load
        // balancing stopped choosing it
        double failedBefore = failedLookups(stack);
        stack.kill(victim);
        Instant killed = Instant.now();
        stack.say("killed " + victim + " (port " + victimPort + "); asking Eureka until it is gone ...");
        AtomicReference<Double> failed = new AtomicReference<>(failedBefore);
        AtomicReference<Instant> lastFailure = new AtomicReference<>();
        Runnable watchFailures = () -> {
            double now = failedLookups(stack);
            if (now > failed.getAndSet(now)) {
                lastFailure.set(Instant.now());
            }
        };
        Duration evicted = Measure.await(Duration.ofSeconds(120), Duration.ofMillis(500), () -> {
            watchFailures.run();
            return up(stack).stream().noneMatch(r -> r.port() == victimPort);
        });
        stack.say(victim + (evicted == null ? " still registered" : " evicted after " + Measure.seconds(evicted)));
        Measure.await(stack.paced(Duration.ofSeconds(15)), Duration.ofMillis(500), () -> {
            watchFailures.run();
            return false;
        });
        Duration routedAround = lastFailure.get() == null ? Duration.ZERO : Duration.between(killed, lastFailure.get());
        long attemptsOnVictim = Math.round(failed.get() - failedBefore);
        List<String> survivors = instances.stream().filter(i -> !i.equals(victim)).toList();
        Map<String, Double> after = lookups(stack, survivors);
        List<OrderTraffic.Sent> sent = orders.stop();
        long refused = sent.stream().filter(s -> !s.accepted()).count();
        long afterKill = sent.stream().filter(s -> !s.due().isBefore(killed)).count();
        String split = survivors.stream().map(i -> i + " " + Math.round(after.get(i) - before.getOrDefault(i, 0.0)))
                .collect(Collectors.joining(", "));
        stack.say("price look-ups after the kill: " + split);
        stack.say(attemptsOnVictim + " look-up attempt(s) reached the dead instance, the last " + Measure.seconds(routedAround)
                + " after the kill; " + orders.degraded() + " order(s) priced from order-service's cache meanwhile");
        Duration ended = orders.awaitEnded(Duration.ofSeconds(90));
        return new Verdict().figure(victim + " evicted from Eureka " + Measure.seconds(evicted) + " after kill -9, the "
                        + "last look-up sent to it " + Measure.seconds(routedAround) + " after the kill (" + attemptsOnVictim
                        + " attempts failed at connect); " + refused + " of " + sent.size() + " placements failed (" + afterKill + " after the "
                        + "kill, " + orders.degraded() + " priced from the cache); look-ups after the kill: " + split)
                .require(evicted != null, victim + " was not evicted within 120 s")
                .require(refused == 0, refused + " placement(s) failed")
                .require(ended != null, "not every order ended")
                .nothingLost(orders.check(killed, Map.of()));
    }

    /** Attempts of order-service's price look-ups that failed (resilience4j counts every attempt in the breaker). */
    private static double failedLookups(DemoStack stack) {
        return stack.instances("order-service").stream().mapToDouble(instance -> Measure.sum(
                stack.get(instance, "/actuator/prometheus"), "resilience4j_circuitbreaker_calls_seconds_count",
                Map.of("name", "inventory", "kind", "failed"))).sum();
    }

    private static List<DemoStack.Registration> up(DemoStack stack) {
        try {
            return stack.registered(SERVICE).stream().filter(r -> r.status().equals("UP")).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Price look-ups each instance has served so far (http.server.requests of the route). */
    static Map<String, Double> lookups(DemoStack stack, List<String> instances) {
        Map<String, Double> served = new LinkedHashMap<>();
        for (String instance : instances) {
            served.put(instance, Measure.sum(stack.get(instance, "/actuator/prometheus"),
                    "http_server_requests_seconds_count", Map.of("uri", PRICE_LOOKUPS)));
        }
        return served;
    }
}
