package io.microplatform.payment.api;

import io.microplatform.payment.PaymentManagement;
import io.microplatform.payment.domain.AccountRepository;
import io.microplatform.testsupport.OpenApiContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** payment-service's OpenAPI document: its public API only (not the simulated provider), errors as problem details. */
@WebMvcTest
@MockitoBean(types = { PaymentManagement.class, AccountRepository.class })
class OpenApiContractTest extends OpenApiContract {
}
