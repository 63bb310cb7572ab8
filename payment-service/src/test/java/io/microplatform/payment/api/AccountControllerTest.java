package io.microplatform.payment.api;

import java.math.BigDecimal;
import java.util.Optional;

import io.microplatform.payment.domain.Account;
import io.microplatform.payment.domain.AccountRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.microplatform.testsupport.ProblemDetailsContract.problemJson;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AccountController.class)
class AccountControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AccountRepository accounts;

    @Test
    void answersAnUnknownCustomerWithProblemJson404() throws Exception {
        given(accounts.ofCustomer("carol")).willReturn(Optional.empty());

        mvc.perform(get("/api/payments/accounts/carol").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Account not found","status":404,"detail":"No account for customer carol",
                         "instance":"/api/payments/accounts/carol","customerId":"carol"}
                        """));
    }

    @Test
    void writesTheBalanceAsANumberWithTwoDecimals() throws Exception {
        given(accounts.ofCustomer("bob")).willReturn(Optional.of(new Account("bob", new BigDecimal("50"))));

        mvc.perform(get("/api/payments/accounts/bob"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string("""
                        {"customerId":"bob","balance":50.00}"""));
    }
}
