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
        if (request == null || !(request.getContext() instanceof RequestDataContext context)
                || context.getClientRequest() == null) {
            return Optional.empty();
        }
        RequestData data = context.getClientRequest();
        String explicit = data.getHeaders() == null ? null : data.getHeaders().getFirst(header);
        if (StringUtils.hasText(explicit)) {
            return Optional.of(explicit);
        }
        return fromPath ? lastPathSegment(data.getUrl()) : Optional.empty();
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
