package io.microplatform.order.api;

import java.util.Optional;

import io.microplatform.order.OrderManagement;
import io.microplatform.testsupport.ProblemDetailsContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** order-service answers the common mistakes as every service does. */
@WebMvcTest
class ProblemDetailsTest extends ProblemDetailsContract {

    @MockitoBean
    OrderManagement orders;

    @BeforeEach
    void hideABugBehindTheFailingRoute() {
        given(orders.get(any())).willThrow(BUG);
    }

    @Override
    protected String readOnlyRoute() {
        return "/api/orders/0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01";
    }

    @Override
    protected String failingRoute() {
        return "/api/orders/0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01";
    }

    @Override
    protected Optional<String> malformedIdInPath() {
        return Optional.of("/api/orders/12345");
    }

    @Override
    protected Optional<JsonRoute> jsonRoute() {
        return Optional.of(new JsonRoute("/api/orders", "{\"customerId\":\"\"}"));
    }
}
