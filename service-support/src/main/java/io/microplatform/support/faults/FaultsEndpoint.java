package io.microplatform.support.faults;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/faults}: GET lists the active rules, DELETE clears all, DELETE {@code /actuator/faults/{id}} one.
 * POST (add a rule) is served on the same path by {@link FaultRulePosting}: actuator web operations read a request
 * body only as flat string pairs, and a rule has a nested target. {@link FaultTokenFilter} guards every call.
 */
@Endpoint(id = "faults")
class FaultsEndpoint {

    private final FaultRules rules;

    FaultsEndpoint(FaultRules rules) {
        this.rules = rules;
    }

    @ReadOperation
    Map<String, List<FaultRule>> list() {
        return Map.of("rules", rules.list());
    }

    @DeleteOperation
    Map<String, List<FaultRule>> clear() {
        return Map.of("cleared", rules.clear());
    }

    @DeleteOperation
    WebEndpointResponse<FaultRule> remove(@Selector String id) {
        return rules.remove(id).map(WebEndpointResponse::new)
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }
}
