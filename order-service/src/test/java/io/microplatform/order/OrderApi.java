package io.microplatform.order;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The running order-service as a caller outside the process reaches it: HTTP/1.1 to the random port of the test's
 * application context. A test class registers one for each test:
 * <pre>
 * &#64;RegisterExtension
 * final OrderApi api = new OrderApi();
 * </pre>
 */
public final class OrderApi implements BeforeEachCallback {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private URI base;

    @Override
    public void beforeEach(ExtensionContext test) {
        int port = SpringExtension.getApplicationContext(test).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        base = URI.create("http://127.0.0.1:" + port);
    }

    /** The body of an order of one unit of the sku, shipped to an address in the country. */
    public static String order(String customer, String sku, String country) {
        return """
                {"customerId":"%s","items":[{"sku":"%s","quantity":1}],
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Paris","postalCode":"75001","country":"%s"}}
                """.formatted(customer, sku, country);
    }

    /** POST /api/orders with the body as JSON; the caller may add headers (a traceparent) before sending it. */
    public HttpRequest.Builder placement(String body) {
        return HttpRequest.newBuilder(base.resolve("/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)));
    }
}
