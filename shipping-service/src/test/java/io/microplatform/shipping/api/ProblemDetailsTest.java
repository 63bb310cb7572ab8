package io.microplatform.shipping.api;

import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.DestinationRepository;
import io.microplatform.testsupport.ProblemDetailsContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** shipping-service answers the common mistakes as every service does. */
@WebMvcTest
@MockitoBean(types = { ShippingManagement.class, DestinationRepository.class })
@ProblemDetailsContract.Routes(readOnly = "/api/shipments", malformedIdInQuery = "/api/shipments?orderId=not-a-uuid",
        json = "/api/shipping/quotes", invalidBody = "{\"country\":\"\"}")
class ProblemDetailsTest extends ProblemDetailsContract {
}
