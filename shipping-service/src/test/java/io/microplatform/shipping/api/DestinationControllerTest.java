package io.microplatform.shipping.api;

import java.math.BigDecimal;
import java.util.List;

import io.microplatform.shipping.domain.Destination;
import io.microplatform.shipping.domain.DestinationRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DestinationController.class)
class DestinationControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private DestinationRepository destinations;

    @Test
    void listsDestinationsAsCountryAndName() throws Exception {
        given(destinations.all()).willReturn(List.of(new Destination("DE", "Germany", new BigDecimal("4.99")),
                new Destination("JP", "Japan", new BigDecimal("14.99"))));

        mvc.perform(get("/api/shipping/destinations"))
                .andExpect(status().isOk())
                .andExpect(content().string("""
                        [{"country":"DE","name":"Germany"},{"country":"JP","name":"Japan"}]"""));
    }
}
