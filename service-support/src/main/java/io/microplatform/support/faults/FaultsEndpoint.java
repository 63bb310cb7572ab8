package io.microplatform.support.faults;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

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
        // thrown rather than answered: actuator would send its 404 with no body; Spring MVC's exception handling
        // answers it as problem details like every other error
        return rules.remove(id).map(WebEndpointResponse::new)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No fault rule with id " + id));
    }
}
