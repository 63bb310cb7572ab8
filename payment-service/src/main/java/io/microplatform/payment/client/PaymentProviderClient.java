package io.microplatform.payment.client;

import java.math.BigDecimal;
import java.util.UUID;

import io.microplatform.support.client.ThirdPartyClient;

/**
 * The payment provider, an external dependency reached by a configured URL (not through Eureka), through its
 * resilience4j instances, all named {@value #REMOTE} and configured in application.yml: Retry(CircuitBreaker(
 * TimeLimiter(Bulkhead(call)))), see service-support's ThirdPartyClient. Retrying is safe because the provider's
 * charge is idempotent per Idempotency-Key, derived from the order id. Throws {@link PaymentProviderRejectedException} for the provider's 4xx, and the resilience4j and
 * RestClient exceptions of a provider that is down.
 */
public class PaymentProviderClient {

    public static final String REMOTE = "payment-provider";

    private final ThirdPartyClient provider;

    PaymentProviderClient(ThirdPartyClient provider) {
        this.provider = provider;
    }

    /**
     * Asks the provider to authorize the order's charge; the same order always gets the same authorization id. The
     * idempotency key is the order's: one charge per order, whichever delivery of ChargePayment or attempt sends it.
     */
    public String authorize(UUID orderId, String customerId, BigDecimal amount) {
        return provider.post("/charges", new ChargeRequest(orderId, customerId, amount), "charge-" + orderId,
                Authorization.class).authorizationId();
    }

    record ChargeRequest(UUID orderId, String customerId, BigDecimal amount) {
    }

    record Authorization(String authorizationId) {
    }
}
