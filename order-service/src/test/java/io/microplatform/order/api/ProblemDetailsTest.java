package io.microplatform.order.api;

import io.microplatform.order.OrderManagement;
import io.microplatform.testsupport.ProblemDetailsContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** order-service answers the common mistakes as every service does. */
@WebMvcTest
@MockitoBean(types = OrderManagement.class)
@ProblemDetailsContract.Routes(readOnly = "/api/orders/0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01",
        malformedIdInPath = "/api/orders/12345", json = "/api/orders", invalidBody = "{\"customerId\":\"\"}")
class ProblemDetailsTest extends ProblemDetailsContract {
}
