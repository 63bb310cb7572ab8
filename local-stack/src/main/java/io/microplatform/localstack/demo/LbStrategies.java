package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The three load-balancing strategies side by side, each in an order-service instance of its own, all calling the same
 * three inventory instances (weights 1, 2 and 7): the split each one makes of the price look-ups, and for consistent
 * hashing which SKUs move when an instance leaves.
 */
final class LbStrategies implements Demo {

    static final String INVENTORY = "inventory-service";
    static final String ORDERS = "order-service";
    static final List<Integer> WEIGHTS = List.of(1, 2, 7);
    /** order-service-1 as shipped (application.yml: consistent-hash), the other two started with theirs. */
    static final List<String> STRATEGIES = List.of("consistent-hash", "round-robin", "weighted");
    static final int LOOKUPS = 120;
    static final int SKUS = 24;
    /** Registry fetch (5 s) plus the load balancer's instance cache (5 s), with a margin. */
    static final Duration CALLERS_CATCH_UP = Duration.ofSeconds(12);
    static final double TOLERANCE = 0.07;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public About about() {
        return new About("lb-strategies",
                "round-robin, weighted and consistent-hash side by side: the measured split, and which keys move when an "
                        + "instance leaves",
                List.of("./platform up -d --scale inventory-service=3 (if fewer run); weights 1, 2 and 7 in the registry "
                                + "(PUT /eureka/apps/INVENTORY-SERVICE/{id}/metadata?weight=7, as EUREKA_INSTANCE_METADATAMAP_WEIGHT "
                                + "would at start)",
                        "order-service-2 (round-robin) and -3 (weighted) beside order-service-1 (consistent-hash, as shipped), "
                                + "the strategy through SPRING_APPLICATION_JSON",
                        "place " + LOOKUPS + " one-line orders through each order-service instance; count the price look-ups "
                                + "each inventory instance served (http_server_requests_seconds_count)",
                        "consistent-hash: one order per SKU for " + SKUS + " SKUs, to see which instance owns each",
                        "inventory-service-3 leaves (./platform up -d --scale inventory-service=2); the SKUs again: only the "
                                + "ones it owned may move",
                        "stop the instances the demo started"),
                List.of("Grafana > Microplatform / Platform overview > \"Requests per second by instance\"",
                        "for port in 8083 8183 8283; do curl -s http://127.0.0.1:$port/actuator/prometheus | grep "
                                + "'http_server_requests_seconds_count.*items/{sku}'; done",
                        "curl -s -H 'Accept: application/json' http://127.0.0.1:8761/eureka/apps/INVENTORY-SERVICE   # weights "
                                + "in metadata"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        Verdict verdict = new Verdict();
        if (stack.instances(ORDERS).size() > 1 || stack.instances(INVENTORY).size() > WEIGHTS.size()) {
            return verdict.fail("run it with one order-service instance and at most three of inventory-service "
                    + "(./platform up -d --scale order-service=1 --scale inventory-service=1)");
        }
        stack.scaleUpTo(INVENTORY, WEIGHTS.size(), "starting inventory-service-2 and -3 ...");
        List<String> inventories = stack.instances(INVENTORY);
        Map<Integer, DemoStack.Registration> registrations = stack.registered(INVENTORY).stream()
                .collect(Collectors.toMap(DemoStack.Registration::port, r -> r, (a, b) -> a));
        Map<String, DemoStack.Registration> registered = new LinkedHashMap<>();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < inventories.size(); i++) {
            DemoStack.Registration registration = registrations.get(stack.url(inventories.get(i)).getPort());
            if (registration == null) {
                return verdict.fail(inventories.get(i) + " is not in the registry");
            }
            registered.put(inventories.get(i), registration);
            stack.setMetadata(INVENTORY, registration.instanceId(), "weight", Integer.toString(WEIGHTS.get(i)));
            weights.put(inventories.get(i), WEIGHTS.get(i));
        }
        try {
            return compare(stack, verdict, inventories, weights);
        } finally {
            // back to the weight each had; the instances this demo started are stopped anyway
            registered.values().forEach(registration -> {
                try {
                    stack.setMetadata(INVENTORY, registration.instanceId(), "weight",
                            Integer.toString(registration.weight()));
                } catch (RuntimeException e) {
                    // it left the registry in this demo
                }
            });
        }
    }

    private Verdict compare(DemoStack stack, Verdict verdict, List<String> inventories, Map<String, Integer> weights)
            throws Exception {
        stack.say("weights in the registry: " + weights);
        stack.say("starting order-service-2 (round-robin) and order-service-3 (weighted) beside order-service-1 "
                + "(consistent-hash) ...");
        for (int i = 2; i <= STRATEGIES.size(); i++) {
            stack.scale(ORDERS, i, Map.of("SPRING_APPLICATION_JSON", "{\"platform\":{\"loadbalancing\":{\"clients\":"
                    + "{\"inventory-service\":{\"strategy\":\"" + STRATEGIES.get(i - 1) + "\"}}}}}"));
        }
        Measure.sleep(CALLERS_CATCH_UP);
        List<String> callers = stack.instances(ORDERS);
        int lookups = (int) Math.max(LOOKUPS / 2, Math.round(LOOKUPS * stack.pace()));
        OrderTraffic data = OrderTraffic.create(stack, Demos.runId(name()), 4,
                java.util.Collections.nCopies(SKUS, 100_000), 1);
        List<String> skus = data.skus();
        String customer = data.customers().get(0);

        for (int s = 0; s < STRATEGIES.size(); s++) {
            String strategy = STRATEGIES.get(s);
            Map<String, Double> before = InstanceLoss.lookups(stack, inventories);
            for (int n = 0; n < lookups; n++) {
                place(stack.url(callers.get(s)), customer, skus.get(n % skus.size()));
            }
            Map<String, Double> after = InstanceLoss.lookups(stack, inventories);
            double total = inventories.stream().mapToDouble(i -> after.get(i) - before.get(i)).sum();
            int weightSum = weights.values().stream().mapToInt(Integer::intValue).sum();
            List<String> shares = new ArrayList<>();
            for (String inventory : inventories) {
                double share = (after.get(inventory) - before.get(inventory)) / total;
                shares.add(String.format(Locale.ROOT, "%.0f%%", share * 100));
                double expected = switch (strategy) {
                    case "round-robin" -> 1.0 / inventories.size();
                    case "weighted" -> weights.get(inventory) / (double) weightSum;
                    default -> -1;
                };
                if (expected >= 0) {
                    verdict.require(Math.abs(share - expected) <= TOLERANCE, String.format(Locale.ROOT,
                            "%s gave %s %.0f%% instead of %.0f%%", strategy, inventory, share * 100, expected * 100));
                }
            }
            stack.say(String.format(Locale.ROOT, "%-15s via %-15s %s of %.0f look-ups", strategy, callers.get(s),
                    String.join(" / ", shares), total));
            verdict.figure(strategy + " " + String.join("/", shares));
        }

        String hashing = callers.get(STRATEGIES.indexOf("consistent-hash"));
        Map<String, String> owners = owners(stack, hashing, inventories, customer, skus, verdict);
        stack.say("consistent-hash owners: " + count(owners));
        String leaving = inventories.get(inventories.size() - 1);
        stack.say(leaving + " leaves ...");
        stack.scale(INVENTORY, inventories.size() - 1, Map.of());
        Measure.sleep(CALLERS_CATCH_UP);
        List<String> remaining = inventories.subList(0, inventories.size() - 1);
        Map<String, String> remapped = owners(stack, hashing, remaining, customer, skus, verdict);
        long moved = skus.stream().filter(sku -> !owners.get(sku).equals(remapped.get(sku))).count();
        long movedOfOthers = skus.stream().filter(sku -> !owners.get(sku).equals(leaving)
                && !owners.get(sku).equals(remapped.get(sku))).count();
        long owned = owners.values().stream().filter(leaving::equals).count();
        stack.say("after " + leaving + " left: " + count(remapped) + "; " + moved + " of " + skus.size()
                + " SKUs moved, " + owned + " of them had been on " + leaving);
        verdict.figure("consistent-hash " + count(owners).replace(", ", "/") + " SKUs, on leave " + moved + "/"
                        + skus.size() + " moved (" + owned + " were the leaver's, " + movedOfOthers + " others)")
                .require(movedOfOthers == 0, movedOfOthers + " SKU(s) moved that the leaving instance did not own")
                .require(moved == owned, "not every SKU of the leaving instance moved");
        return verdict;
    }

    /** Which instance serves each SKU's look-up through {@code caller}: one order each, the counters before and after. */
    private Map<String, String> owners(DemoStack stack, String caller, List<String> inventories, String customer,
            List<String> skus, Verdict verdict) throws IOException, InterruptedException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String sku : skus) {
            Map<String, Double> before = InstanceLoss.lookups(stack, inventories);
            place(stack.url(caller), customer, sku);
            Map<String, Double> after = InstanceLoss.lookups(stack, inventories);
            List<String> served = inventories.stream().filter(i -> after.get(i) > before.get(i)).toList();
            verdict.require(served.size() == 1, sku + " was served by " + served + ", not by exactly one instance");
            owners.put(sku, served.isEmpty() ? "none" : served.get(0));
        }
        return owners;
    }

    private static String count(Map<String, String> owners) {
        return owners.values().stream().collect(Collectors.groupingBy(o -> o, java.util.TreeMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private void place(URI orderService, String customer, String sku) throws IOException, InterruptedException {
        String body = "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"shippingAddress\":{\"name\":\"Demo\",\"street\":\"1 Main St\",\"city\":\"Berlin\","
                + "\"postalCode\":\"10115\",\"country\":\"DE\"}}";
        HttpRequest request = HttpRequest.newBuilder(orderService.resolve("/api/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", "demo-lb-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("placing an order through " + orderService + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }
}
