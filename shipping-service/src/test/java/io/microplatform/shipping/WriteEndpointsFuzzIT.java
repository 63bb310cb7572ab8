package io.microplatform.shipping;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.testsupport.EmbeddedInfrastructure;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestContextManager;

import static io.microplatform.testsupport.fuzz.ProblemAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * shipping-service's two POST endpoints against thousands of hostile requests each: the quotes order-service asks for,
 * and the simulated carrier it hosts (a stand-in for a third party, validated only as far as its own request record
 * says). Each request is a valid one broken so that it is invalid; every one must be refused with a 4xx problem, and
 * nothing may change in the service's database.
 * <p>
 * jqwik runs these properties outside Spring's JUnit Jupiter extension (and jqwik-spring is not available here), so
 * the application context comes from Spring's TestContextManager, configured by the annotations below and built once
 * per JVM by Spring's context cache; the requests go over HTTP to its port. A database of its own (named after
 * spring.application.name) and no Kafka listeners: "nothing changed" must not see other test classes' work.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=shipping-service-fuzz",
        "spring.kafka.listener.auto-startup=false" })
// the simulated carrier exists only under this profile
@ActiveProfiles("simulated-third-parties")
@EmbeddedInfrastructure
class WriteEndpointsFuzzIT implements UnchangedDatabase.Watched {

    private static final String QUOTES = "/api/shipping/quotes";
    private static final String BOOKINGS = "/simulated/carrier/bookings";
    private static final List<String> DESTINATIONS = List.of("US", "CA", "GB", "DE", "FR", "NL", "JP");

    private static ApplicationContext service;
    private static FuzzClient client;

    @BeforeContainer
    static void startTheService() {
        service = new TestContextManager(WriteEndpointsFuzzIT.class).getTestContext().getApplicationContext();
        client = new FuzzClient(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @Override
    public DataSource database() {
        return service.getBean(DataSource.class);
    }

    @Property(tries = 1200)
    @AddLifecycleHook(UnchangedDatabase.class)
    void refusesEveryHostileQuoteRequest(@ForAll("hostileQuotes") HostileRequest request) {
        Statistics.label("mutation").collect(request.kind());

        HttpResponse<String> answer = client.post(QUOTES, request);

        Survey.check(QUOTES, request, answer, () -> assertRefused(answer));
    }

    @Property(tries = 20)
    void quotesTheValidRequestsTheHostileOnesAreMadeFrom(@ForAll("validQuotes") HostileRequest request) {
        HttpResponse<String> quoted = client.post(QUOTES, request);

        assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(200);
    }

    @Property(tries = 1200)
    @AddLifecycleHook(UnchangedDatabase.class)
    void refusesEveryHostileBooking(@ForAll("hostileBookings") HostileRequest request) {
        Statistics.label("mutation").collect(request.kind());

        HttpResponse<String> answer = client.post(BOOKINGS, request);

        Survey.check(BOOKINGS, request, answer, () -> assertRefused(answer));
    }

    @Property(tries = 20)
    void booksTheValidRequestsTheHostileOnesAreMadeFrom(@ForAll("validBookings") HostileRequest request) {
        HttpResponse<String> booked = client.post(BOOKINGS, request);

        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
    }

    @Provide
    Arbitrary<HostileRequest> validQuotes() {
        return quotes(1, 5).valid();
    }

    /** Order-service asks for a quote of an order's lines: FieldLimits apply as to the order's. */
    @Provide
    Arbitrary<HostileRequest> hostileQuotes() {
        Arbitrary<HostileRequest> tooManyLines = quotes(FieldLimits.LINES_MAX + 1, 3 * FieldLimits.LINES_MAX).valid()
                .map(request -> request.because("too many lines"));
        return Arbitraries.frequencyOf(Tuple.of(12, quotes(1, 5).arbitrary()), Tuple.of(1, tooManyLines));
    }

    private static HostileRequests quotes(int minLines, int maxLines) {
        Arbitrary<Json.Obj> item = Combinators.combine(Generators.identifiers(1, FieldLimits.SKU_MAX),
                Arbitraries.integers().between(1, FieldLimits.QUANTITY_MAX)).as((sku, quantity) -> Json.object(
                        Json.member("sku", Json.string(sku)), Json.member("quantity", Json.number(quantity))));
        Arbitrary<Json.Obj> bodies = Combinators.combine(Arbitraries.of(DESTINATIONS),
                Generators.text(1, FieldLimits.POSTAL_CODE_MAX).injectNull(0.2),
                item.list().ofMinSize(minLines).ofMaxSize(maxLines)).as((country, postalCode, items) -> {
                    Json.Obj body = Json.object(Json.member("country", Json.string(country)),
                            Json.member("items", new Json.Arr(List.copyOf(items))));
                    return postalCode == null ? body : body.with("postalCode", Json.string(postalCode));
                });
        return HostileRequests.of(bodies, List.of(
                Field.required("country", InvalidValues.country()),
                // not judged here (an undeliverable one is refused at shipment time): only a postal code that is no
                // string is invalid
                Field.optional("postalCode", InvalidValues.notAString()),
                Field.required("items", InvalidValues.notANonEmptyArray()),
                Field.required("items[].sku", InvalidValues.identifier(FieldLimits.SKU_MAX)),
                Field.required("items[].quantity", InvalidValues.integerOutside(1, FieldLimits.QUANTITY_MAX))));
    }

    @Provide
    Arbitrary<HostileRequest> validBookings() {
        return withIdempotencyKey(bookings().valid());
    }

    @Provide
    Arbitrary<HostileRequest> hostileBookings() {
        return withIdempotencyKey(bookings().arbitrary());
    }

    /** What the simulated carrier's own request record requires, and nothing more: it stands in for a third party. */
    private static HostileRequests bookings() {
        Arbitrary<Json.Obj> bodies = Combinators.combine(Arbitraries.create(UUID::randomUUID),
                Generators.text(1, FieldLimits.POSTAL_CODE_MAX), Arbitraries.of(DESTINATIONS)).as(
                        (orderId, postalCode, country) -> Json.object(
                                Json.member("orderId", Json.string(orderId.toString())),
                                Json.member("postalCode", Json.string(postalCode)),
                                Json.member("country", Json.string(country))));
        return HostileRequests.of(bodies, List.of(
                Field.required("orderId", InvalidValues.uuid()),
                Field.required("postalCode", Arbitraries.oneOf(InvalidValues.blankString(), InvalidValues.notAString())),
                Field.required("country", Arbitraries.oneOf(InvalidValues.blankString(), InvalidValues.notAString()))));
    }

    /** As shipping-service's carrier client calls: every call with an Idempotency-Key of its own. */
    private static Arbitrary<HostileRequest> withIdempotencyKey(Arbitrary<HostileRequest> requests) {
        return requests.map(request -> new HostileRequest(request.mutations(), request.body(), request.contentType(),
                List.of(Map.entry("Idempotency-Key", UUID.randomUUID().toString()))));
    }
}
