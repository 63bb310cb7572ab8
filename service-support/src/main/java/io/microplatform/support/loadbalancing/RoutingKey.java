package io.microplatform.support.loadbalancing;

import java.net.URI;
import java.util.Optional;

import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.util.StringUtils;

/**
 * Where a consistent-hash key comes from: the header a caller sets, else the last path segment. Spring Cloud's
 * blocking client (RestClient, RestTemplate) and the reactive one (WebClient) both hand the outgoing request to the
 * load balancer as a {@link RequestDataContext}; a bare {@code LoadBalancerClient.choose(serviceId)} has no request
 * and therefore no key.
 */
record RoutingKey(String header, boolean fromPath) {

    Optional<String> of(Request<?> request) {
        Optional<RequestData> data = requestData(request);
        String explicit = data.map(outgoing -> header(outgoing, header)).orElse(null);
        if (StringUtils.hasText(explicit)) {
            return Optional.of(explicit);
        }
        return fromPath ? data.flatMap(outgoing -> lastPathSegment(outgoing.getUrl())) : Optional.empty();
    }

    /** Which attempt at its key the request is ({@link RoutingAttempt#HEADER}): 1 when it does not say. */
    static int attemptOf(Request<?> request) {
        String attempt = requestData(request).map(outgoing -> header(outgoing, RoutingAttempt.HEADER)).orElse(null);
        try {
            return StringUtils.hasText(attempt) ? Math.max(1, Integer.parseInt(attempt.trim())) : 1;
        }
        catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    private static Optional<RequestData> requestData(Request<?> request) {
        if (request == null || !(request.getContext() instanceof RequestDataContext context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getClientRequest());
    }

    private static String header(RequestData data, String name) {
        return data.getHeaders() == null ? null : data.getHeaders().getFirst(name);
    }

    private static Optional<String> lastPathSegment(URI url) {
        String path = url == null ? null : url.getRawPath();
        if (path == null) {
            return Optional.empty();
        }
        // "/items/SKU-1/" and "/items/SKU-1" name the same item
        String trimmed = path.replaceAll("/+$", "");
        String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
    }
}
