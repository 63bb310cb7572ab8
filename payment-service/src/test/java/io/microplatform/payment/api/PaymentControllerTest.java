package io.microplatform.payment.api;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.payment.PaymentManagement;
import io.microplatform.payment.domain.Account;
import io.microplatform.payment.domain.OrderPayment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PaymentController.class)
class PaymentControllerTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private PaymentManagement payments;

    @Test
    void listsTheOrdersChargeAndRefundWithMoneyAsNumbersAndTimesAsIsoStrings() throws Exception {
        OrderPayment refunded = OrderPayment.charge(ORDER, "alice", new BigDecimal("104.79"),
                Optional.of(new Account("alice", new BigDecimal("10000"))));
        refunded.refund(new Account("alice", new BigDecimal("0")));
        given(payments.paymentsOf(ORDER)).willReturn(refunded.payments());

        mvc.perform(get("/api/payments").param("orderId", ORDER.toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].orderId").value(ORDER.toString()))
                .andExpect(jsonPath("$[0].customerId").value("alice"))
                .andExpect(jsonPath("$[0].type").value("CHARGE"))
                .andExpect(jsonPath("$[1].type").value("REFUND"))
                .andExpect(jsonPath("$[0].createdAt").value(matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z")))
                .andExpect(content().string(matchesPattern(
                        "\\[\\{\"id\":\"[0-9a-f-]{36}\",\"orderId\":\"" + ORDER + "\",\"customerId\":\"alice\","
                                + "\"type\":\"CHARGE\",\"amount\":104.79,\"createdAt\":\"[^\"]+\"},.*")));
    }
}
