package io.microplatform.shipping;

import java.util.Map;
import java.util.UUID;

import io.microplatform.shipping.client.CarrierClient;
import io.microplatform.shipping.client.CarrierRejectedException;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.ThirdPartyClientContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The carrier's client as every third party's (ThirdPartyClientContract), over real HTTP: the carrier is the
 * simulated one this service hosts, behind {@link ScriptedCarrier}, which makes it fail for one order at a time. What
 * a CreateShipment does while the carrier fails is ShippingCommandsIT's.
 */
// the same configuration as the other ITs, so all share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedCarrier.class)
class CarrierIT extends ThirdPartyClientContract {

    @Autowired
    private CarrierClient client;

    CarrierIT() {
        super(CarrierClient.REMOTE, new Simulated("/simulated/carrier/bookings",
                Map.of("orderId", UUID.randomUUID(), "postalCode", "10115", "country", "DE"), Map.of("country", "DE"),
                "SIMDE"));
    }

    @Override
    protected String callFor(UUID orderId) {
        return client.book(orderId, "10115", "DE");
    }

    @Override
    protected boolean isBusinessAnswer(RuntimeException rejection) {
        return rejection instanceof CarrierRejectedException rejected && rejected.isRefusal();
    }
}
