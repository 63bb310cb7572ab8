package io.microplatform.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Places orders at a constant arrival rate (an open model): order n is due at start + n / rate whether or not the
 * earlier ones were answered, so a stalled order-service cannot slow the load down and hide its own queue. Each
 * placement carries an Idempotency-Key; one whose answer never came (a killed or paused order-service) can be found
 * in order-service's database afterwards.
 */
final class Workload {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** One placement as the client saw it; status 0 when no answer came (connection refused, reset, timed out). */
    record Placement(int number, String idempotencyKey, boolean overLimit, Instant due, Instant answered, int status,
            Optional<String> orderId, String error) {

        boolean accepted() {
            return status == 202;
        }
    }

    private final URI orders;
    private final DataSet data;
    private final Random random;
    private final double rate;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<Placement> done = new ConcurrentLinkedQueue<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private volatile int due;
    private volatile boolean stopped;

    Workload(URI orderService, DataSet data, Random random, double rate) {
        this.orders = orderService.resolve("/api/orders");
        this.data = data;
        this.random = random;
        this.rate = rate;
    }

    /** Places orders for {@code duration} on the calling thread; numbers continue from earlier calls. */
    void run(Duration duration, Runnable everySecond) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long nextTick = start;
        int first = due;
        for (int n = 0; ; n++) {
            long dueAt = start + (long) (n * 1e9 / rate);
            if (dueAt >= end || stopped) {
                break;
            }
            while (System.nanoTime() < dueAt) {
                if (System.nanoTime() >= nextTick) {
                    everySecond.run();
                    nextTick += 1_000_000_000L;
                }
                LockSupport.parkNanos(Math.min(dueAt - System.nanoTime(), 50_000_000L));
            }
            place(data.draft(first + n + 1, random, json));
            due = first + n + 1;
        }
    }

    private void place(DataSet.Draft draft) {
        Instant sent = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(orders).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Idempotency-Key", draft.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(draft.body())).build();
        CompletableFuture<Void> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    done.add(failure != null
                            ? new Placement(draft.number(), draft.idempotencyKey(), draft.overLimit(), sent,
                                    Instant.now(), 0, Optional.empty(), rootCause(failure))
                            : new Placement(draft.number(), draft.idempotencyKey(), draft.overLimit(), sent, Instant.now(),
                                    response.statusCode(), orderId(response), response.statusCode() == 202 ? null
                                            : detail(response.body())));
                    return null;
                });
        synchronized (pending) {
            pending.add(answer);
        }
    }

    /** Ends {@link #run} early, from another thread. */
    void stop() {
        stopped = true;
    }

    /** Waits for the answers still outstanding (at most the request time-out). */
    List<Placement> finish() {
        List<CompletableFuture<Void>> outstanding;
        synchronized (pending) {
            outstanding = List.copyOf(pending);
        }
        CompletableFuture.allOf(outstanding.toArray(CompletableFuture[]::new)).join();
        return placements();
    }

    List<Placement> placements() {
        return done.stream().sorted(Comparator.comparingInt(Placement::number)).toList();
    }

    int placed() {
        return due;
    }

    int answered() {
        return done.size();
    }

    private Optional<String> orderId(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            return Optional.ofNullable(body.path("orderId").textValue());
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.path("detail").asText(problem.path("title").asText(body));
        } catch (java.io.IOException | RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
