package io.microplatform.order.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.order.StubRemoteServices;
import io.microplatform.order.StubRemoteServicesInitializer;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.fuzz.DatabaseSnapshot;
import io.microplatform.testsupport.fuzz.Field;
import io.microplatform.testsupport.fuzz.FuzzClient;
import io.microplatform.testsupport.fuzz.Generators;
import io.microplatform.testsupport.fuzz.HostileRequest;
import io.microplatform.testsupport.fuzz.HostileRequests;
import io.microplatform.testsupport.fuzz.InvalidValues;
import io.microplatform.testsupport.fuzz.Json;
import io.microplatform.testsupport.fuzz.Survey;
import io.microplatform.testsupport.fuzz.UnchangedDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestContextManager;

import static io.microplatform.testsupport.fuzz.ProblemAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /api/orders against thousands of hostile requests: each one a valid order (one the service would accept and
 * store) broken in a way that makes it invalid. Every one must be refused with a 4xx problem, and none may change
 * anything in the service's database (orders, keys, outbox: nothing announced on Kafka either).
 * <p>
 * jqwik runs these properties with its own engine, outside Spring's JUnit Jupiter extension, and jqwik-spring is not
 * available here: so the application context comes from Spring's own TestContextManager, configured by the
 * annotations below exactly as for a JUnit test and built once per JVM by Spring's context cache. The service runs on
 * a real port and the requests go over HTTP, so that the web server's own answers (malformed bodies, media types)
 * are fuzzed too, not only Spring MVC's.
 * <p>
 * The service gets a database of its own (its name follows spring.application.name) with its Kafka listeners off and
 * no reconciler: the other test classes' contexts in this JVM keep working on order_service in the background (their
 * outbox relays, reconcilers, listeners), and "nothing changed" must mean nothing changed because of these requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=order-service-fuzz",
        "spring.kafka.listener.auto-startup=false",
        "order.reconciliation.enabled=false" })
@EmbeddedInfrastructure
@ContextConfiguration(initializers = StubRemoteServicesInitializer.class)
class OrderPlacementFuzzIT implements UnchangedDatabase.Watched {

    private static final String PATH = "/api/orders";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** An order placed before the fuzzing, with this key and customer: a hostile request may reuse its key. */
    private static final String SEED_KEY = "fuzz-seed-key";
    private static final String SEED_CUSTOMER = "fuzz-seed-customer";

    private static ApplicationContext service;
    private static FuzzClient client;

    @BeforeContainer
    static void startTheServiceAndPlaceOneOrder() {
        service = new TestContextManager(OrderPlacementFuzzIT.class).getTestContext().getApplicationContext();
        client = new FuzzClient(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        String seed = """
                {"customerId":"%s","items":[{"sku":"KEYBOARD-01","quantity":1}],
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(SEED_CUSTOMER);
        HostileRequest seedOrder = new HostileRequest(List.of(), seed.getBytes(), "application/json",
                List.of(Map.entry(IDEMPOTENCY_KEY, SEED_KEY)));
        // the first call to the (stub) inventory may outlast its time limit while the JVM is cold: a 503 that stored
        // nothing, and the same request with its key is safe to send again
        await().atMost(Duration.ofSeconds(30)).until(() -> client.post(PATH, seedOrder).statusCode(), status -> status == 202);
        awaitOutboxSent();
    }

    @Override
    public DataSource database() {
        return service.getBean(DataSource.class);
    }

    /** OrderPlaced rows are sent, and the relay's bookkeeping on them is over, before a snapshot is taken. */
    @Override
    public void settle() {
        awaitOutboxSent();
    }

    @Property(tries = 1500)
    @AddLifecycleHook(UnchangedDatabase.class)
    void refusesEveryHostileOrder(@ForAll("hostileOrders") HostileRequest request) {
        Statistics.label("mutation").collect(request.kind());

        HttpResponse<String> answer = client.post(PATH, request);

        Survey.check(PATH, request, answer, () -> assertRefused(answer));
    }

    /** The valid orders the hostile ones are made from are accepted: without this the fuzzing could prove nothing. */
    @Property(tries = 20)
    void acceptsTheValidOrdersTheHostileOnesAreMadeFrom(@ForAll("validOrders") HostileRequest request) {
        DatabaseSnapshot before = DatabaseSnapshot.of(database());

        HttpResponse<String> placed = client.post(PATH, request);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        // and a snapshot sees it: the refusals' "nothing changed" is no blind spot
        assertThat(DatabaseSnapshot.of(database())).isNotEqualTo(before);
    }

    @Provide
    Arbitrary<HostileRequest> validOrders() {
        return orders().valid();
    }

    @Provide
    Arbitrary<HostileRequest> hostileOrders() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, orders().arbitrary()),
                Tuple.of(1, tooManyLines()),
                Tuple.of(1, tooManyUnitsOfOneSku()),
                Tuple.of(2, badIdempotencyKey()));
    }

    private static HostileRequests orders() {
        return HostileRequests.of(validBodies(lines(1, 5)), List.of(
                Field.required("customerId", InvalidValues.identifier(FieldLimits.CUSTOMER_ID_MAX)),
                Field.required("items", InvalidValues.notANonEmptyArray()),
                Field.required("items[].sku", InvalidValues.identifier(FieldLimits.SKU_MAX)),
                Field.required("items[].quantity", InvalidValues.integerOutside(1, FieldLimits.QUANTITY_MAX)),
                Field.required("shippingAddress", InvalidValues.notAnObject()),
                Field.required("shippingAddress.name", InvalidValues.text(FieldLimits.NAME_MAX)),
                Field.required("shippingAddress.street", InvalidValues.text(FieldLimits.STREET_MAX)),
                Field.required("shippingAddress.city", InvalidValues.text(FieldLimits.CITY_MAX)),
                Field.required("shippingAddress.postalCode", InvalidValues.text(FieldLimits.POSTAL_CODE_MAX)),
                Field.required("shippingAddress.country", InvalidValues.country())));
    }

    /**
     * Orders inventory-service and shipping-service (the stubs) accept as they are: skus the stub prices (LIMIT-*,
     * 1000 in stock), a country it ships to, every field within FieldLimits; one line per sku.
     */
    private static Arbitrary<Json.Obj> validBodies(Arbitrary<List<Json.Obj>> lines) {
        Arbitrary<String> customers = Generators.identifiers(1, FieldLimits.CUSTOMER_ID_MAX)
                .filter(customer -> !customer.equals(SEED_CUSTOMER));
        Arbitrary<Json.Obj> addresses = Combinators.combine(Generators.text(1, FieldLimits.NAME_MAX),
                Generators.text(1, FieldLimits.STREET_MAX), Generators.text(1, FieldLimits.CITY_MAX),
                Generators.text(1, FieldLimits.POSTAL_CODE_MAX), Arbitraries.of(StubRemoteServices.RATES.keySet()))
                .as((name, street, city, postalCode, country) -> Json.object(
                        Json.member("name", Json.string(name)), Json.member("street", Json.string(street)),
                        Json.member("city", Json.string(city)), Json.member("postalCode", Json.string(postalCode)),
                        Json.member("country", Json.string(country))));
        return Combinators.combine(customers, lines, addresses).as((customer, items, address) -> Json.object(
                Json.member("customerId", Json.string(customer)), Json.member("items", new Json.Arr(List.copyOf(items))),
                Json.member("shippingAddress", address)));
    }

    private static Arbitrary<List<Json.Obj>> lines(int min, int max) {
        Arbitrary<String> skus = Generators.identifiers(1, FieldLimits.SKU_MAX - StubRemoteServices.ONE_EURO_PREFIX.length())
                .map(StubRemoteServices.ONE_EURO_PREFIX::concat);
        return skus.list().ofMinSize(min).ofMaxSize(max).uniqueElements().flatMap(distinct -> Arbitraries
                .integers().between(1, FieldLimits.QUANTITY_MAX).list().ofSize(distinct.size())
                .map(quantities -> IntStream.range(0, distinct.size()).mapToObj(i -> line(
                        distinct.get(i), quantities.get(i))).toList()));
    }

    private static Json.Obj line(String sku, int quantity) {
        return Json.object(Json.member("sku", Json.string(sku)), Json.member("quantity", Json.number(quantity)));
    }

    /** More lines than an order may have, each of them valid. */
    private static Arbitrary<HostileRequest> tooManyLines() {
        return validBodies(lines(FieldLimits.LINES_MAX + 1, 3 * FieldLimits.LINES_MAX)).map(body -> new HostileRequest(
                List.of("too many lines"), body.bytes(), "application/json", List.of()));
    }

    /** Two lines of one sku, each within the limit of a line, together over it. */
    private static Arbitrary<HostileRequest> tooManyUnitsOfOneSku() {
        return Combinators.combine(validBodies(lines(1, 3)), Arbitraries.integers().between(1, FieldLimits.QUANTITY_MAX),
                Arbitraries.integers().between(1, FieldLimits.QUANTITY_MAX))
                .filter((body, first, second) -> first + second > FieldLimits.QUANTITY_MAX)
                .as((body, first, second) -> {
                    Json.Arr items = (Json.Arr) body.members().get(1).value();
                    String sku = ((Json.Str) ((Json.Obj) items.items().get(0)).members().get(0).value()).value();
                    List<Json> more = new ArrayList<>(items.items());
                    more.set(0, line(sku, first));
                    more.add(line(sku, second));
                    return new HostileRequest(List.of("too many units of one sku: " + first + " + " + second),
                            body.with("items", new Json.Arr(more)).bytes(), "application/json", List.of());
                });
    }

    /**
     * A valid order with an Idempotency-Key it must not have: blank, too long, sent twice, or the key of an earlier,
     * different order (a 422).
     */
    private static Arbitrary<HostileRequest> badIdempotencyKey() {
        Arbitrary<List<String>> keys = Arbitraries.oneOf(
                Arbitraries.of("", " ", "   ").map(List::of),
                Arbitraries.integers().between(OrderController.MAX_IDEMPOTENCY_KEY_LENGTH + 1, 8000)
                        .map(length -> List.of("k".repeat(length))),
                Generators.identifiers(1, 40).list().ofSize(2).uniqueElements(),
                Arbitraries.just(List.of(SEED_KEY)));
        return Combinators.combine(orders().valid(), keys).as((request, values) -> {
            HostileRequest keyed = request;
            for (String value : values) {
                keyed = keyed.withHeader(IDEMPOTENCY_KEY + ": " + abbreviate(value), IDEMPOTENCY_KEY, value);
            }
            return keyed;
        });
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "...(" + value.length() + ")" : "'" + value + "'";
    }

    /** The outbox rows written so far are sent: the relay's bookkeeping on them is over. */
    private static void awaitOutboxSent() {
        JdbcClient jdbc = JdbcClient.create(service.getBean(DataSource.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL AND parked_at IS NULL")
                .query(Long.class).single() == 0);
    }
}
