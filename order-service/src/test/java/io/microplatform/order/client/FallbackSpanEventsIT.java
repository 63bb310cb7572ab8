package io.microplatform.order.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.microplatform.order.HealthyRemotes;
import io.microplatform.order.OrderApi;
import io.microplatform.order.OrderServiceIntegrationTest;
import io.microplatform.order.StubRemoteServices;
import io.microplatform.order.StubRemoteServicesInitializer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The fallbacks of order-service's clients (FallbackEvents) as span events on the trace of the placement that took
 * them, read from the spans the running service exports (SpanCaptureConfiguration) rather than from the tracer, so
 * what a trace store would show is what is asserted. Each placement sends its own W3C traceparent, so its SERVER span
 * is found by a trace id nobody else uses.
 */
@OrderServiceIntegrationTest
@ExtendWith(HealthyRemotes.class)
class FallbackSpanEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FALLBACK_EVENT = "resilience.fallback";
    private static final AttributeKey<String> REMOTE = AttributeKey.stringKey("resilience.remote");
    private static final AttributeKey<String> FALLBACK = AttributeKey.stringKey("resilience.fallback");
    private static final AttributeKey<String> CAUSE = AttributeKey.stringKey("resilience.cause");
    // Boot's BatchSpanProcessor exports every 5 s by default; a span not exported well after that is not coming
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(10);

    @Autowired
    private InMemorySpanExporter exportedSpans;

    @Autowired
    private RetryRegistry retries;

    @Autowired
    private TimeLimiterRegistry timeLimiters;

    @Autowired
    private ClientProperties clients;

    @RegisterExtension
    final OrderApi api = new OrderApi();

    private final StubRemoteServices remotes = StubRemoteServicesInitializer.stub();

    @BeforeEach
    @AfterEach
    void noSpans() {
        exportedSpans.reset();
    }

    @Test
    void aPriceFromTheCacheIsAFallbackEventOnThePlacementsServerSpanAfterTheRetriesGaveUp() throws Exception {
        String customer = "traced-" + UUID.randomUUID();
        // a normal placement first: it puts KEYBOARD-01's price into the cache
        Placement normal = place(customer, "KEYBOARD-01", "DE");
        assertThat(normal.response().statusCode()).as(normal.response().body()).isEqualTo(202);
        assertThat(normal.body().path("degraded")).isEmpty();
        remotes.takeItemsDown();

        Placement degraded = place(customer, "KEYBOARD-01", "DE");

        assertThat(degraded.response().statusCode()).as(degraded.response().body()).isEqualTo(202);
        assertThat(degraded.body().path("degraded").toString()).isEqualTo("[\"inventory-prices\"]");
        SpanData server = exportedServerSpan(degraded);
        // the stub answers 500: the exception each attempt ends with, and the one the retry finally rethrows
        String cause = HttpServerErrorException.InternalServerError.class.getSimpleName();
        assertThat(fallbackEvents(server)).singleElement()
                .satisfies(event -> assertThat(event.getAttributes().asMap()).containsOnly(
                        entry(REMOTE, "inventory"), entry(FALLBACK, "cached-price"), entry(CAUSE, cause)));
        // on the same span, in this order: every retry (service-support's ResilienceSpanEvents), the retry giving up,
        // and only then the fallback
        int maxAttempts = retries.retry("inventory").getRetryConfig().getMaxAttempts();
        Stream<String> retried = IntStream.rangeClosed(2, maxAttempts)
                .mapToObj(attempt -> "retry inventory attempt " + attempt + " after " + cause);
        Stream<String> gaveUp = Stream.of("retry inventory gave up after " + maxAttempts + " attempts: " + cause);
        assertThat(server.getEvents()).extracting(EventData::getName)
                .containsSubsequence(Stream.of(retried, gaveUp, Stream.of(FALLBACK_EVENT)).flatMap(s -> s).toList());
    }

    @Test
    void aFlatRateQuoteIsAFallbackEventOnThePlacementsServerSpanAfterTheTimeLimiterStoppedWaiting() throws Exception {
        Duration timeLimit = timeLimiters.timeLimiter(ShippingClient.REMOTE).getTimeLimiterConfig().getTimeoutDuration();
        assertThat(timeLimit).as("the time limiter ends a silent call, before the read timeout does")
                .isLessThan(clients.shipping().readTimeout());
        // silent for longer than every limit of the call
        remotes.delayQuotes(clients.shipping().readTimeout().plusSeconds(3));

        Placement degraded = place("traced-" + UUID.randomUUID(), "MOUSE-01", "FR");

        assertThat(degraded.response().statusCode()).as(degraded.response().body()).isEqualTo(202);
        assertThat(degraded.body().path("degraded").toString()).isEqualTo("[\"shipping-quote\"]");
        assertThat(degraded.body().path("shippingCost").decimalValue()).isEqualByComparingTo(clients.shippingFlatRate());
        SpanData server = exportedServerSpan(degraded);
        assertThat(fallbackEvents(server)).singleElement().satisfies(event -> assertThat(event.getAttributes().asMap())
                .containsOnly(entry(REMOTE, "shipping"), entry(FALLBACK, "flat-rate-quote"),
                        entry(CAUSE, TimeLimitExceededException.class.getSimpleName())));
        // why, in the order it happened: the time-out, then the fallback (a time-out is not retried)
        assertThat(server.getEvents().stream().map(EventData::getName)).containsSubsequence(
                "time limiter shipping stopped waiting after " + timeLimit.toMillis() + " ms", FALLBACK_EVENT)
                .noneMatch(name -> name.startsWith("retry shipping attempt"));
    }

    /** The placement's SERVER span, once a batch has exported it: a child of the span its traceparent named. */
    private SpanData exportedServerSpan(Placement placement) {
        SpanData server = await().atMost(EXPORT_WAIT)
                .until(() -> exportedSpans.getFinishedSpanItems().stream()
                        .filter(span -> span.getTraceId().equals(placement.traceId()))
                        .filter(span -> span.getKind() == SpanKind.SERVER)
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(placement.parentSpanId());
        assertThat(server.getAttributes().get(AttributeKey.stringKey("uri"))).isEqualTo("/api/orders");
        return server;
    }

    private static List<EventData> fallbackEvents(SpanData span) {
        return span.getEvents().stream().filter(event -> event.getName().equals(FALLBACK_EVENT)).toList();
    }

    private Placement place(String customer, String sku, String country) throws Exception {
        String traceId = IdGenerator.random().generateTraceId();
        String parentSpanId = IdGenerator.random().generateSpanId();
        HttpResponse<String> response = api.send(api.placement(OrderApi.order(customer, sku, country))
                // W3C trace context, sampled: the placement joins this trace instead of starting its own
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .timeout(Duration.ofSeconds(30)));
        return new Placement(traceId, parentSpanId, response, JSON.readTree(response.body()));
    }

    record Placement(String traceId, String parentSpanId, HttpResponse<String> response, JsonNode body) {
    }
}
