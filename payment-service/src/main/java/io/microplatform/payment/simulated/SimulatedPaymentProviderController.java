package io.microplatform.payment.simulated;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * STAND-IN FOR A THIRD PARTY: the payment provider payment-service charges through. It is not part of
 * payment-service's API and shares nothing with it but the process: payment-service calls it over HTTP by a
 * configured URL (payment.provider.base-url) like any external provider, so the provider can be swapped for a real
 * one, a separate process, or made slow and failing by the fault injection's inbound-route faults on
 * /simulated/payment-provider/**.
 *
 * <p>It authorizes every well-formed charge, idempotently per order id: the same order gets the same authorization
 * id again, which is what makes the caller's retries safe. The authorizations live in memory, as a third party's
 * state is not ours to keep in our database; a restart forgets them (a re-sent charge then gets a new id).
 */
@RestController
@RequestMapping("/simulated/payment-provider")
class SimulatedPaymentProviderController {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProviderController.class);

    private final Map<UUID, Authorization> authorizations = new ConcurrentHashMap<>();

    @PostMapping("/charges")
    Authorization charge(@Valid @RequestBody ChargeRequest charge) {
        return authorizations.computeIfAbsent(charge.orderId(), orderId -> {
            Authorization authorization = new Authorization("auth-" + UUID.randomUUID());
            log.info("Simulated payment provider authorized {} for order {} of {}: {}", charge.amount(), orderId,
                    charge.customerId(), authorization.authorizationId());
            return authorization;
        });
    }

    record ChargeRequest(@NotNull UUID orderId, @NotBlank String customerId, @NotNull @PositiveOrZero BigDecimal amount) {
    }

    record Authorization(String authorizationId) {
    }
}
