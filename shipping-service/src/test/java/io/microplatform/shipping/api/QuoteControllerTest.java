package io.microplatform.shipping.api;

import java.math.BigDecimal;

import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.Quote;
import io.microplatform.shipping.domain.UnsupportedCountryException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.microplatform.testsupport.ProblemDetailsContract.problemJson;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(QuoteController.class)
class QuoteControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ShippingManagement shipping;

    @Test
    void quotesTheDestinationsFlatRateAsANumberWithTwoDecimals() throws Exception {
        given(shipping.quote("DE")).willReturn(new Quote("DE", new BigDecimal("4.99")));

        quote("""
                {"country":"DE","postalCode":"10115","items":[{"sku":"KEYBOARD-01","quantity":2}]}""")
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string("""
                        {"country":"DE","cost":4.99}"""));
    }

    // 00000 fails the shipment in the saga (SHIPPING_FAILED), so placing such an order must still get a quote
    @Test
    void quotesAnUndeliverablePostalCodeToo() throws Exception {
        given(shipping.quote("DE")).willReturn(new Quote("DE", new BigDecimal("4.99")));

        quote("""
                {"country":"DE","postalCode":"00000","items":[{"sku":"KEYBOARD-01","quantity":1}]}""")
                .andExpect(status().isOk());
    }

    @Test
    void answersAnUnsupportedCountryWithProblemJson422() throws Exception {
        given(shipping.quote("XX")).willThrow(new UnsupportedCountryException("XX"));

        quote("""
                {"country":"XX","postalCode":"12345","items":[{"sku":"KEYBOARD-01","quantity":1}]}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Unsupported country","status":422,
                         "detail":"Shipping to country XX is not supported","instance":"/api/shipping/quotes",
                         "country":"XX"}
                        """));
    }

    @Test
    void namesEveryMissingFieldInProblemJson400() throws Exception {
        quote("""
                {"postalCode":"10115"}""")
                .andExpect(status().isBadRequest())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Invalid request","status":400,
                         "detail":"Invalid fields: country must not be blank; items must not be empty",
                         "instance":"/api/shipping/quotes",
                         "errors":[{"field":"country","message":"must not be blank"},
                                   {"field":"items","message":"must not be empty"}]}
                        """));
        then(shipping).should(org.mockito.Mockito.never()).quote(any());
    }

    @Test
    void namesEveryInvalidItemField() throws Exception {
        quote("""
                {"country":"DE","items":[{"sku":"KEYBOARD-01","quantity":1},{"sku":" ","quantity":0}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "Invalid fields: items[1].quantity must be greater than or equal to 1; items[1].sku must not be blank"))
                .andExpect(jsonPath("$.errors[0].field").value("items[1].quantity"))
                .andExpect(jsonPath("$.errors[1].field").value("items[1].sku"));
    }

    private ResultActions quote(String body) throws Exception {
        return mvc.perform(post("/api/shipping/quotes")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
