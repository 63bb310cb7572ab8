package io.microplatform.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The fault endpoint's writes against thousands of hostile requests each. POST /actuator/faults: valid rules broken so
 * that they are invalid (sent with the token), and valid rules sent without the token, with a wrong one, or to the
 * endpoint's path written otherwise. DELETE /actuator/faults and /actuator/faults/{id}: without the token, with a
 * wrong one, by a path written otherwise, or for an id that is no rule's. Every one must be refused with a 4xx
 * problem, and the rules (kept in memory: this endpoint's state) must be as before, read back after every try.
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
    private static final String ID = "{id}";
    /** The endpoint's path written otherwise: none of them may get past the token check (sent without one). */
    private static final List<String> OTHER_PATHS = List.of(PATH + "/", "/actuator//faults", "//actuator/faults",
            "/actuator/faults;x=y", "/actuator;x=y/faults", "/actuator/Faults", "/ACTUATOR/FAULTS", "/actuator/%66aults",
            "/actuator/%46aults", "/actuator%2Ffaults", "/actuator/./faults", "/actuator/faults/.", "/actuator/x/../faults",
            "/actuator/faults/x/..", "/actuator/faults%20", "/actuator/faults%00", "/actuator/faults.json",
            "/actuator/faults/anything", "/actuator/faults%2F", "/%61ctuator/faults");
    /** No token (empty) or one that is not the token. */
    private static final Arbitrary<Optional<String>> WRONG_TOKENS = Arbitraries.<Optional<String>>of(Optional.empty(), Optional.of(""),
            Optional.of("x"), Optional.of(TOKEN.toUpperCase()), Optional.of(TOKEN.substring(1)), Optional.of(TOKEN + "x"),
            Optional.of(TOKEN + TOKEN), Optional.of("Bearer " + TOKEN), Optional.of("*"));

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
    void refusesEveryHostileRuleAndAddsNone(@ForAll("hostileRules") Aimed aimed) {
        Statistics.label("mutation").collect(aimed.request().kind());

        HttpResponse<String> answer = client.post(aimed.path(), aimed.request());

        Survey.check(PATH, aimed.request(), answer, () -> {
            assertRefused(answer);
            assertThat(activeRules()).as("rules after %s", answer.body()).isEmpty();
        });
    }

    /**
     * DELETE clears the rules, DELETE {id} removes one: never without the token, nor by a path written otherwise, and
     * an unknown id removes nothing. A rule is added before each try, and must still be there after it.
     */
    @Property(tries = 1000)
    @AddLifecycleHook(UnchangedDatabase.class)
    void refusesEveryHostileDeletionAndKeepsTheRule(@ForAll("hostileDeletions") Aimed aimed) {
        Statistics.label("mutation").collect(aimed.request().kind());
        HttpResponse<String> added = client.post(PATH, new HostileRequest(List.of(), """
                {"target":{"type":"kafka","name":"fuzz.Kept"},"latency":"1ms"}""".getBytes(StandardCharsets.UTF_8),
                "application/json", List.of(Map.entry(TOKEN_HEADER, TOKEN))));
        String id = readTree(added.body()).path("id").asText();

        HttpResponse<String> answer = client.delete(aimed.path().replace(ID, id), aimed.request());

        Survey.check(PATH, aimed.request(), answer, () -> {
            assertRefused(answer);
            assertThat(activeRules()).as("rules after %s", answer.body()).hasSize(1);
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
    Arbitrary<Aimed> hostileRules() {
        Arbitrary<HostileRequest> withoutTheToken = Combinators.combine(rules().valid(), WRONG_TOKENS).as(
                (request, token) -> token.isEmpty() ? request.because("no token")
                        : request.withHeader("wrong token: '" + token.get() + "'", TOKEN_HEADER, token.get()));
        Arbitrary<Aimed> elsewhere = Combinators.combine(rules().valid(), Arbitraries.of(OTHER_PATHS)).as(
                (request, path) -> new Aimed(path, request.because("path: " + path)));
        return Arbitraries.frequencyOf(Tuple.of(10, withToken(rules().arbitrary()).map(request -> new Aimed(PATH, request))),
                Tuple.of(1, withoutTheToken.map(request -> new Aimed(PATH, request))), Tuple.of(1, elsewhere));
    }

    @Provide
    Arbitrary<Aimed> hostileDeletions() {
        Arbitrary<String> paths = Arbitraries.oneOf(Arbitraries.of(PATH, PATH + "/" + ID), Arbitraries.of(OTHER_PATHS),
                Arbitraries.of(OTHER_PATHS).map(path -> path + "/" + ID),
                Arbitraries.of("/actuator//faults/" + ID, "/actuator/faults//" + ID, "/actuator/faults/" + ID + "/",
                        "/actuator/faults;x=y/" + ID, "/actuator/%66aults/" + ID, "/ACTUATOR/FAULTS/" + ID,
                        "/actuator/faults/" + ID + ";x=y", "/actuator/faults/%2e%2e/faults", "/actuator/faults/x/../" + ID));
        Arbitrary<Aimed> withoutTheToken = Combinators.combine(paths, WRONG_TOKENS).as((path, token) -> new Aimed(path,
                token.isEmpty() ? new HostileRequest(List.of("DELETE without a token = " + path), new byte[0], null, List.of())
                        : new HostileRequest(List.of("DELETE with a wrong token = " + path), new byte[0], null,
                                List.of(Map.entry(TOKEN_HEADER, token.get())))));
        // with the token, only ids that are no rule's
        Arbitrary<Aimed> unknownId = Arbitraries.oneOf(Arbitraries.create(UUID::randomUUID).map(UUID::toString),
                Generators.identifiers(1, 40), Arbitraries.of("%00", "%2F", "*", "%2A", "null", "..%2F" + ID))
                .map(id -> new Aimed(PATH + "/" + id, new HostileRequest(List.of("DELETE of an unknown id = " + id), new byte[0],
                        null, List.of(Map.entry(TOKEN_HEADER, TOKEN)))));
        return Arbitraries.oneOf(withoutTheToken, unknownId);
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

    /** A request to a path (with {@link #ID} where the id of the rule to keep goes). */
    record Aimed(String path, HostileRequest request) {
    }

    private static Arbitrary<HostileRequest> withToken(Arbitrary<HostileRequest> requests) {
        return requests.map(request -> new HostileRequest(request.mutations(), request.body(), request.contentType(),
                List.of(Map.entry(TOKEN_HEADER, TOKEN))));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<?> activeRules() {
        HttpResponse<String> listed = client.get(PATH, Map.of(TOKEN_HEADER, TOKEN));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<?> rules = JSON.convertValue(readTree(listed.body()).path("rules"), List.class);
        return rules;
    }
}
