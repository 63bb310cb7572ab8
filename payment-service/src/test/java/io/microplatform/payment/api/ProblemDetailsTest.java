package io.microplatform.payment.api;

import io.microplatform.payment.PaymentManagement;
import io.microplatform.payment.domain.AccountRepository;
import io.microplatform.testsupport.ProblemDetailsContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** payment-service answers the common mistakes as every service does, its simulated provider's endpoint too. */
@WebMvcTest
@MockitoBean(types = { PaymentManagement.class, AccountRepository.class })
@ProblemDetailsContract.Routes(readOnly = "/api/payments", malformedIdInPath = "/api/payments/accounts/not a customer",
        malformedIdInQuery = "/api/payments?orderId=not-a-uuid",
        json = "/simulated/payment-provider/charges", invalidBody = "{\"amount\":-1}")
class ProblemDetailsTest extends ProblemDetailsContract {
}
