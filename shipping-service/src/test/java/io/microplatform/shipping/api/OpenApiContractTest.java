package io.microplatform.shipping.api;

import java.math.BigDecimal;

import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.DestinationRepository;
import io.microplatform.shipping.domain.Quote;
import io.microplatform.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * shipping-service's OpenAPI document states the limits it enforces, and its errors as problem details; the simulated
 * carrier is not in it.
 */
@WebMvcTest
@MockitoBean(types = DestinationRepository.class)
class OpenApiContractTest extends OpenApiContract {

    @MockitoBean
    private ShippingManagement shipping;

    /** Whatever passes validation is quoted. */
    @BeforeEach
    void quoteAnyValidRequest() {
        given(shipping.quote(any())).willReturn(new Quote("DE", new BigDecimal("4.99")));
    }
}
