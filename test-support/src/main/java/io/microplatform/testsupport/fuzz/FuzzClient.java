package io.microplatform.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends hostile requests to a running service over HTTP/1.1, as an outside client does: through the embedded web
 * server, its connector and error handling, and every servlet filter, not only Spring MVC.
 */
public final class FuzzClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    // a string, not a URI to resolve against: a path like //actuator/faults must stay a path
    private final String base;

    public FuzzClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> post(String path, HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        for (Map.Entry<String, String> header : request.headers()) {
            builder.header(header.getKey(), header.getValue());
        }
        return send(builder.build());
    }

    /** DELETE with the request's headers (its body is not sent). */
    public HttpResponse<String> delete(String path, HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .DELETE();
        request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
        return send(builder.build());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        return send("GET", path, headers);
    }

    public HttpResponse<String> delete(String path, Map<String, String> headers) {
        return send("DELETE", path, headers);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return send(builder.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
