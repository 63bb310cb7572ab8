package io.microplatform.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.microplatform.payment.client.PaymentProviderClient;
import io.microplatform.payment.client.PaymentProviderRejectedException;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.ThirdPartyClientContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The payment provider's client as every third party's (ThirdPartyClientContract), over real HTTP: the provider is
 * the simulated one this service hosts, behind {@link ScriptedPaymentProvider}, which makes it fail for one order at a
 * time. What a ChargePayment does while the provider fails is PaymentCommandsIT's.
 */
// the same configuration as the other ITs, so all share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedPaymentProvider.class)
class PaymentProviderIT extends ThirdPartyClientContract {

    @Autowired
    private PaymentProviderClient client;

    PaymentProviderIT() {
        super(PaymentProviderClient.REMOTE, new Simulated("/simulated/payment-provider/charges",
                Map.of("orderId", UUID.randomUUID(), "customerId", "alice", "amount", 10),
                Map.of("customerId", "alice"), "auth-"));
    }

    @Override
    protected String callFor(UUID orderId) {
        return client.authorize(orderId, "alice", new BigDecimal("10.00"));
    }

    @Override
    protected boolean isBusinessAnswer(RuntimeException rejection) {
        return rejection instanceof PaymentProviderRejectedException rejected && rejected.isDecline();
    }
}
