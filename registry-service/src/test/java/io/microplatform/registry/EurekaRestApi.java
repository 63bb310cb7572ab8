package io.microplatform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to the registry the way a non-Java client (or a test) does: Eureka's REST API over real HTTP, so the tests
 * exercise the server's own timings and caches, not a Java client's.
 */
record EurekaRestApi(URI baseUri, HttpClient http, ObjectMapper json) {

    static EurekaRestApi at(int port) {
        return new EurekaRestApi(URI.create("http://127.0.0.1:" + port),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), new ObjectMapper());
    }

    /** Registers an instance whose lease lasts {@code leaseSeconds} unless renewed every {@code renewalSeconds}. */
    int register(String app, String instanceId, int port, int renewalSeconds, int leaseSeconds) {
        var instance = json.createObjectNode();
        instance.put("instanceId", instanceId)
                .put("app", app)
                .put("hostName", "127.0.0.1")
                .put("ipAddr", "127.0.0.1")
                .put("vipAddress", app.toLowerCase())
                .put("status", "UP");
        instance.putObject("port").put("$", port).put("@enabled", "true");
        instance.putObject("securePort").put("$", 443).put("@enabled", "false");
        instance.putObject("dataCenterInfo")
                .put("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo")
                .put("name", "MyOwn");
        instance.putObject("leaseInfo")
                .put("renewalIntervalInSecs", renewalSeconds)
                .put("durationInSecs", leaseSeconds);
        var body = json.createObjectNode().set("instance", instance);
        return send(HttpRequest.newBuilder(baseUri.resolve("/eureka/apps/" + app))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())))
                .statusCode();
    }

    /** One heartbeat, as a client sends every renewal interval; 200 if the lease exists, 404 if not. */
    int renew(String app, String instanceId) {
        return send(HttpRequest.newBuilder(baseUri.resolve("/eureka/apps/" + app + "/" + instanceId + "?status=UP"))
                .PUT(HttpRequest.BodyPublishers.noBody()))
                .statusCode();
    }

    /** Instances of {@code app} in what GET /eureka/apps returns now; empty if the app is not listed. */
    List<JsonNode> instancesOf(String app) {
        var applications = readTree(get("/eureka/apps", "application/json")).path("applications").path("application");
        var instances = new ArrayList<JsonNode>();
        for (var application : applications) {
            if (app.equals(application.path("name").asText())) {
                application.path("instance").forEach(instances::add);
            }
        }
        return instances;
    }

    List<String> instanceIdsOf(String app) {
        return instancesOf(app).stream().map(instance -> instance.path("instanceId").asText()).toList();
    }

    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).header("Accept", accept).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
