package io.microplatform.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.microplatform.embedded.PostgresServer;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped under a running order-service, then started again on the same data and port: placing and reading
 * orders answer 503 problem+json with Retry-After meanwhile (never a 500, never a hang), and work again afterwards.
 * Its own PostgreSQL, as stopping the JVM's shared one would pull the database from under every other test; its own
 * application context, closed after the class, with its Kafka listeners off, so it takes no commands meant for the
 * shared context's database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "order.reconciliation.enabled=false",
        // how long a request waits for a connection while the database is away: the platform's default is being
        // shortened to 3 s in the shared service defaults; stated here so that this test does not wait Hikari's 30 s
        "spring.datasource.hikari.connection-timeout=3000" })
@EmbeddedInfrastructure
@ContextConfiguration(initializers = StubRemoteServicesInitializer.class)
@DirtiesContext
class DatabaseOutageIT {

    private static final String DATABASE = "order_service";
    private static final String ORDER = """
            {"customerId":"it-outage","items":[{"sku":"KEYBOARD-01","quantity":1}],
             "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""";

    private static Path dataDirectory;
    private static volatile PostgresServer postgres;

    @LocalServerPort
    private int port;

    // one request per call, never re-sent (Apache's client behind TestRestTemplate re-sends a POST answered 503)
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("order-outage-postgres");
        postgres = PostgresServer.start(dataDirectory, 0);
        postgres.ensureDatabase(DATABASE, DATABASE, DATABASE);
        int databasePort = postgres.port();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + DATABASE);
    }

    @AfterAll
    static void removeDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseIsDownAndRecoversWhenItIsBack() {
        HttpResponse<String> placed = post(ORDER, "outage-" + UUID.randomUUID());
        assertThat(placed.statusCode()).isEqualTo(202);
        String location = placed.headers().firstValue("Location").orElseThrow();
        int databasePort = postgres.port();

        postgres.close();

        HttpResponse<String> read = get(location);
        String key = "outage-" + UUID.randomUUID();
        HttpResponse<String> refused = post(ORDER, key);
        for (HttpResponse<String> response : List.of(read, refused)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.body()).contains("\"title\":\"Service unavailable\"", "\"service\":\"database\"");
        }

        postgres = PostgresServer.start(dataDirectory, databasePort);

        // the pool reconnects on the next request; the stored order was kept, the refused one stored nothing
        await().atMost(Duration.ofSeconds(60)).until(() -> get(location).statusCode() == 200);
        HttpResponse<String> retried = post(ORDER, key);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.headers().firstValue("Location")).isNotEqualTo(placed.headers().firstValue("Location"));
    }

    private HttpResponse<String> post(String body, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // a hang would fail here instead of stalling the build
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
