package io.microplatform.payment.api;

import java.util.Optional;

import io.microplatform.payment.PaymentManagement;
import io.microplatform.payment.domain.AccountRepository;
import io.microplatform.testsupport.ProblemDetailsContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** payment-service answers the common mistakes as every service does, its simulated provider's endpoint too. */
@WebMvcTest
class ProblemDetailsTest extends ProblemDetailsContract {

    @MockitoBean
    PaymentManagement payments;

    @MockitoBean
    AccountRepository accounts;

    @BeforeEach
    void hideABugBehindTheFailingRoute() {
        given(payments.paymentsOf(any())).willThrow(BUG);
    }

    @Override
    protected String readOnlyRoute() {
        return "/api/payments";
    }

    @Override
    protected String failingRoute() {
        return "/api/payments?orderId=0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01";
    }

    @Override
    protected Optional<String> malformedIdInQuery() {
        return Optional.of("/api/payments?orderId=not-a-uuid");
    }

    @Override
    protected Optional<JsonRoute> jsonRoute() {
        return Optional.of(new JsonRoute("/simulated/payment-provider/charges", "{\"amount\":-1}"));
    }
}
