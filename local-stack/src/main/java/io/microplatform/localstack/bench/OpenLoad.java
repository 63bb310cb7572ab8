package io.microplatform.localstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.chaos.DataSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Places orders at a constant arrival rate (an open model): order n is due at start + n / rate whether or not the
 * earlier ones were answered, and its latency counts from that due time, not from when the request left. A stalled
 * order-service therefore shows its queue in the figures instead of slowing the load down (coordinated omission).
 */
final class OpenLoad {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** An order order-service accepted, and when it was due to be sent. */
    record Accepted(UUID orderId, Instant due) {
    }

    /** What one run of the load did. */
    record Sent(int placed, int refused, int failed, List<Accepted> accepted, org.HdrHistogram.Histogram latencyMicros) {
    }

    private final URI orders;
    private final DataSet data;
    private final Random random;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private int number;

    OpenLoad(URI orderService, DataSet data, long seed) {
        this.orders = orderService.resolve("/api/orders");
        this.data = data;
        this.random = new Random(seed);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** Places {@code rate} orders a second for {@code duration} and waits for every answer. */
    Sent run(double rate, Duration duration) {
        Recorder latency = new Recorder(3);
        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> answers = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        Instant startInstant = Instant.now();
        long total = (long) Math.floor(rate * duration.toNanos() / 1e9);
        for (long n = 0; n < total; n++) {
            long dueNanos = (long) (n * 1e9 / rate);
            long wait;
            while ((wait = start + dueNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant due = startInstant.plusNanos(dueNanos);
            long dueAt = start + dueNanos;
            DataSet.Draft draft = data.draft(++number, random, json);
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Idempotency-Key", draft.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(draft.body())).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latency.recordValue(Math.max(0, (System.nanoTime() - dueAt) / 1_000));
                if (failure != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() != 202) {
                    refused.incrementAndGet();
                } else {
                    accepted.add(new Accepted(orderId(response.body()), due));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        return new Sent((int) total, refused.get(), failed.get(), List.copyOf(accepted), latency.getIntervalHistogram());
    }

    private UUID orderId(String body) {
        try {
            return UUID.fromString(json.readTree(body).path("orderId").asText());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("order-service accepted an order without an orderId: " + body, e);
        }
    }
}
