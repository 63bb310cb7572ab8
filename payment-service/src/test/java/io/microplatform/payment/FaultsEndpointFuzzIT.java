package io.microplatform.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import static io.microplatform.testsupport.fuzz.ProblemAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /actuator/faults against thousands of hostile requests: valid rules broken so that they are invalid (sent with
 * the token), and valid rules sent without the token, with a wrong one, or to the endpoint's path written otherwise.
 * Every one must be refused with a 4xx problem, and no rule may be added: the rules, kept in memory, are this
 * endpoint's state, read back after every try.
 * <p>
 * jqwik runs these properties outside Spring's JUnit Jupiter extension (and jqwik-spring is not available here), so
 * the application context comes from Spring's TestContextManager, configured by {@link ServiceUnderFuzz} (payment-service
 * with faults enabled, as on the local stack, so that every answer is the one a service gives) and cached by Spring;
 * the requests go over HTTP to its port, through the token filter as every caller's do. Nothing may change in the
 * service's database either.
 */
@ServiceUnderFuzz
class FaultsEndpointFuzzIT implements UnchangedDatabase.Watched {

    private static final String TOKEN = ServiceUnderFuzz.FAULTS_TOKEN;
    private static final String TOKEN_HEADER = "X-Fault-Token";
    private static final String PATH = "/actuator/faults";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApplicationContext service;
    private static FuzzClient client;

    @BeforeContainer
    static void startTheService() {
        service = new TestContextManager(FaultsEndpointFuzzIT.class).getTestContext()
                .getApplicationContext();
        client = new FuzzClient(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @Override
    public DataSource database() {
        return service.getBean(DataSource.class);
    }

    @Property(tries = 1200)
    @AddLifecycleHook(UnchangedDatabase.class)
    void refusesEveryHostileRuleAndAddsNone(@ForAll("hostileRules") HostileRequest request) {
        Statistics.label("mutation").collect(request.kind());

        HttpResponse<String> answer = client.post(request.mutations().get(0).startsWith("path: ")
                ? request.mutations().get(0).substring("path: ".length()) : PATH, request);

        Survey.check(PATH, request, answer, () -> {
            assertRefused(answer);
            assertThat(activeRules()).as("rules after %s", answer.body()).isEmpty();
        });
    }

    @Property(tries = 20)
    void addsTheValidRulesTheHostileOnesAreMadeFrom(@ForAll("validRules") HostileRequest request) {
        HttpResponse<String> added = client.post(PATH, request);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(activeRules()).hasSize(1);
    }

    /** Also after a failed try, so that one rule added by mistake does not fail every try after it. */
    @AfterTry
    void clearRules() {
        client.delete(PATH, Map.of(TOKEN_HEADER, TOKEN));
    }

    @Provide
    Arbitrary<HostileRequest> validRules() {
        return withToken(rules().valid());
    }

    @Provide
    Arbitrary<HostileRequest> hostileRules() {
        Arbitrary<HostileRequest> withoutTheToken = Combinators.combine(rules().valid(), Arbitraries.of("", "x",
                TOKEN.toUpperCase(), TOKEN.substring(1), TOKEN + "x", TOKEN + TOKEN, "Bearer " + TOKEN, "*"),
                Arbitraries.of(true, false)).as((request, token, sent) -> sent
                        ? request.withHeader("wrong token: '" + token + "'", TOKEN_HEADER, token)
                        : request.because("no token"));
        // the endpoint's path written otherwise: none of them may get past the token check (sent without one)
        Arbitrary<HostileRequest> otherPath = Combinators.combine(rules().valid(), Arbitraries.of(PATH + "/", "/actuator//faults",
                "//actuator/faults", "/actuator/faults/", "/actuator/faults;x=y", "/actuator;x=y/faults", "/actuator/Faults",
                "/ACTUATOR/FAULTS", "/actuator/%66aults", "/actuator%2Ffaults", "/actuator/./faults", "/actuator/faults/.",
                "/actuator/x/../faults", "/actuator/faults/x/..", "/actuator/faults%20", "/actuator/faults%00",
                "/actuator/faults.json", "/actuator/faults/anything")).as((request, path) -> new HostileRequest(
                        List.of("path: " + path), request.body(), request.contentType(), List.of()));
        return Arbitraries.frequencyOf(Tuple.of(10, withToken(rules().arbitrary())), Tuple.of(1, withoutTheToken),
                Tuple.of(1, otherPath));
    }

    /** Rules that are valid for any target type: a latency, an error rate with its status, or refusing. */
    private static HostileRequests rules() {
        Arbitrary<Json.Obj> targets = Combinators.combine(Arbitraries.of("inbound-http", "outbound-http", "kafka"),
                Generators.identifiers(1, 40)).as((type, name) -> Json.object(Json.member("type", Json.string(type)),
                        Json.member("name", Json.string(type.endsWith("http") ? "/fuzz/" + name : "fuzz." + name))));
        Arbitrary<Json.Obj> effects = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 5000).map(ms -> Json.object(Json.member("latency", Json.string(ms + "ms")))),
                Combinators.combine(Arbitraries.doubles().between(0.01, 1).ofScale(2), Arbitraries.integers().between(500, 599))
                        .as((rate, status) -> Json.object(Json.member("errorRate", Json.raw(rate.toString())),
                                Json.member("errorStatus", Json.number(status)))),
                Arbitraries.just(Json.object(Json.member("refuse", Json.raw("true")))));
        Arbitrary<Json.Obj> bodies = Combinators.combine(targets, effects).as((target, effect) -> {
            Json.Obj rule = Json.object(Json.member("target", target));
            for (Json.Member member : effect.members()) {
                rule = rule.with(member.key(), member.value());
            }
            return rule;
        });
        Arbitrary<Json> notADuration = Arbitraries.oneOf(Arbitraries.of("abc", "-1s", "-500ms", "PT-1S", "1 parsec", "PT",
                "1e400s", "99999999999999999999s", "9223372036854775807d", "106751991167301d", "1.5s", "2 s", "s", "∞s")
                .map(Json::string), InvalidValues.notAString());
        return HostileRequests.of(bodies, List.of(
                Field.required("target", InvalidValues.notAnObject()),
                Field.required("target.type", Arbitraries.oneOf(Arbitraries.of("database", "inbound_http", "kafka2",
                        "inbound-http\u0000", "outbound", "*", "").map(Json::string), InvalidValues.notAString())),
                Field.required("target.name", Arbitraries.oneOf(InvalidValues.blankString(), InvalidValues.notAString())),
                Field.optional("latency", notADuration),
                Field.optional("jitter", notADuration),
                Field.optional("errorRate", Arbitraries.oneOf(Arbitraries.of("-0.01", "-1", "1.01", "2", "1e400", "-1e400")
                        .map(Json::raw), InvalidValues.notANumber())),
                Field.optional("errorStatus", InvalidValues.integerOutside(500, 599)),
                Field.optional("refuse", InvalidValues.notABoolean()),
                Field.optional("duplicateDelivery", InvalidValues.notABoolean()),
                Field.optional("crashBeforeAck", InvalidValues.notABoolean()),
                Field.optional("crash", Arbitraries.oneOf(Arbitraries.of("mid-commit", "before_commit", "commit", "x",
                        "before-commit\u0000").map(Json::string), InvalidValues.notAString())),
                Field.optional("keyShare", Arbitraries.oneOf(Arbitraries.of("0", "-0.5", "1.5", "2", "1e400", "-1e400")
                        .map(Json::raw), InvalidValues.notANumber()))));
    }

    private static Arbitrary<HostileRequest> withToken(Arbitrary<HostileRequest> requests) {
        return requests.map(request -> new HostileRequest(request.mutations(), request.body(), request.contentType(),
                List.of(Map.entry(TOKEN_HEADER, TOKEN))));
    }

    private static List<?> activeRules() {
        HttpResponse<String> listed = client.get(PATH, Map.of(TOKEN_HEADER, TOKEN));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        try {
            return JSON.readValue(JSON.readTree(listed.body()).path("rules").toString(), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
