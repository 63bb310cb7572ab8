package io.microplatform.payment;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.microplatform.contracts.FieldLimits;
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
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import static io.microplatform.testsupport.fuzz.ProblemAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * payment-service's only POST endpoint, the simulated payment provider it hosts (a stand-in for a third party,
 * validated only as far as its own request record says), against thousands of hostile charges: each a valid charge
 * broken so that it is invalid. Every one must be refused with a 4xx problem, and nothing may change in the
 * service's database.
 * <p>
 * jqwik runs these properties outside Spring's JUnit Jupiter extension (and jqwik-spring is not available here), so
 * the application context comes from Spring's TestContextManager, configured by {@link ServiceUnderFuzz} and built
 * once per JVM by Spring's context cache; the requests go over HTTP to its port.
 */
@ServiceUnderFuzz
class SimulatedPaymentProviderFuzzIT implements UnchangedDatabase.Watched {

    private static final String CHARGES = "/simulated/payment-provider/charges";

    private static ApplicationContext service;
    private static FuzzClient client;

    @BeforeContainer
    static void startTheService() {
        service = new TestContextManager(SimulatedPaymentProviderFuzzIT.class).getTestContext().getApplicationContext();
        client = new FuzzClient(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @Override
    public DataSource database() {
        return service.getBean(DataSource.class);
    }

    @Property(tries = 1200)
    @AddLifecycleHook(UnchangedDatabase.class)
    void refusesEveryHostileCharge(@ForAll("hostileCharges") HostileRequest request) {
        Statistics.label("mutation").collect(request.kind());

        HttpResponse<String> answer = client.post(CHARGES, request);

        Survey.check(CHARGES, request, answer, () -> assertRefused(answer));
    }

    @Property(tries = 20)
    void authorizesTheValidChargesTheHostileOnesAreMadeFrom(@ForAll("validCharges") HostileRequest request) {
        HttpResponse<String> authorized = client.post(CHARGES, request);

        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(200);
    }

    @Provide
    Arbitrary<HostileRequest> validCharges() {
        return withIdempotencyKey(charges().valid());
    }

    @Provide
    Arbitrary<HostileRequest> hostileCharges() {
        return withIdempotencyKey(charges().arbitrary());
    }

    private static HostileRequests charges() {
        Arbitrary<Json.Obj> bodies = Combinators.combine(Arbitraries.create(UUID::randomUUID),
                Generators.identifiers(1, FieldLimits.CUSTOMER_ID_MAX),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2)).as(
                        (orderId, customer, amount) -> Json.object(
                                Json.member("orderId", Json.string(orderId.toString())),
                                Json.member("customerId", Json.string(customer)),
                                Json.member("amount", Json.raw(amount.toPlainString()))));
        return HostileRequests.of(bodies, List.of(
                Field.required("orderId", InvalidValues.uuid()),
                Field.required("customerId", Arbitraries.oneOf(InvalidValues.blankString(), InvalidValues.notAString())),
                Field.required("amount", InvalidValues.negativeOrNoDecimal())));
    }

    /** As payment-service's provider client calls: every call with an Idempotency-Key of its own. */
    private static Arbitrary<HostileRequest> withIdempotencyKey(Arbitrary<HostileRequest> requests) {
        return requests.map(request -> new HostileRequest(request.mutations(), request.body(), request.contentType(),
                List.of(Map.entry("Idempotency-Key", UUID.randomUUID().toString()))));
    }
}
