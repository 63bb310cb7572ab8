package io.microplatform.payment.simulated;

import java.math.BigDecimal;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.microplatform.support.client.ThirdPartyClient;
import io.microplatform.support.client.ThirdPartyNotConfiguredException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * STAND-IN FOR A THIRD PARTY: the payment provider payment-service charges through. It is not part of
 * payment-service's API and shares nothing with it but the process: payment-service calls it over HTTP by a
 * configured URL (payment.provider.base-url) like any external provider, so the provider can be swapped for a real
 * one, a separate process, or made slow and failing by the fault injection's inbound-route faults on
 * /simulated/payment-provider/**. It exists only under the profile simulated-third-parties (the local stack, the
 * compose demo, the tests): a production deployment has no such route.
 *
 * <p>It authorizes every well-formed charge, idempotently per Idempotency-Key (400 without one), as real providers
 * do: the same key gets the same authorization id again, which is what makes the caller's retries safe. The
 * authorizations live in memory, as a third party's state is not ours to keep in our database, and only the last
 * {@value #REMEMBERED} keys are kept, so a stack that runs for days does not grow without end; a key forgotten (or
 * lost with a restart) gets a new id when it is sent again, which only a repeat long after its first call can see.
 */
@RestController
@RequestMapping("/simulated/payment-provider")
@Profile(ThirdPartyNotConfiguredException.SIMULATED_PROFILE)
class SimulatedPaymentProviderController {

    static final int REMEMBERED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProviderController.class);

    private final Cache<String, Authorization> authorizations;

    SimulatedPaymentProviderController() {
        this(REMEMBERED);
    }

    SimulatedPaymentProviderController(int remembered) {
        // evictions on the calling thread: no work left behind in the common pool
        authorizations = Caffeine.newBuilder().maximumSize(remembered).executor(Runnable::run).build();
    }

    @PostMapping("/charges")
    // the body before the header: a malformed body is answered as such, with or without a key
    Authorization charge(@Valid @RequestBody ChargeRequest charge,
            @RequestHeader(ThirdPartyClient.IDEMPOTENCY_KEY) String idempotencyKey) {
        return authorizations.get(idempotencyKey, key -> {
            Authorization authorization = new Authorization("auth-" + UUID.randomUUID());
            log.info("Simulated payment provider authorized {} for order {} of {}: {}", charge.amount(),
                    charge.orderId(), charge.customerId(), authorization.authorizationId());
            return authorization;
        });
    }

    /** How many authorizations it holds now. */
    long remembered() {
        authorizations.cleanUp();
        return authorizations.estimatedSize();
    }

    record ChargeRequest(@NotNull UUID orderId, @NotBlank String customerId, @NotNull @PositiveOrZero BigDecimal amount) {
    }

    record Authorization(String authorizationId) {
    }
}
