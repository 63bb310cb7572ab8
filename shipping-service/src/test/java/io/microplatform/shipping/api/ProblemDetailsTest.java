package io.microplatform.shipping.api;

import java.util.Optional;

import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.DestinationRepository;
import io.microplatform.testsupport.ProblemDetailsContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** shipping-service answers the common mistakes as every service does. */
@WebMvcTest
class ProblemDetailsTest extends ProblemDetailsContract {

    @MockitoBean
    ShippingManagement shipping;

    @MockitoBean
    DestinationRepository destinations;

    @BeforeEach
    void hideABugBehindTheFailingRoute() {
        given(shipping.shipmentsOf(any())).willThrow(BUG);
    }

    @Override
    protected String readOnlyRoute() {
        return "/api/shipments";
    }

    @Override
    protected String failingRoute() {
        return "/api/shipments?orderId=0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01";
    }

    @Override
    protected Optional<String> malformedIdInQuery() {
        return Optional.of("/api/shipments?orderId=not-a-uuid");
    }

    @Override
    protected Optional<JsonRoute> jsonRoute() {
        return Optional.of(new JsonRoute("/api/shipping/quotes", "{\"country\":\"\"}"));
    }
}
