package io.microplatform.shipping.api;

import java.util.List;
import java.util.UUID;

import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.Address;
import io.microplatform.shipping.domain.Shipment;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ShipmentController.class)
class ShipmentControllerTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ShippingManagement shipping;

    @Test
    void listsTheOrdersShipmentWithItsAddressFlattened() throws Exception {
        Shipment shipment = Shipment.create(ORDER, new Address("Ada", "1 Main St", "Berlin", "10115", "DE"));
        shipment.cancel();
        given(shipping.shipmentsOf(ORDER)).willReturn(List.of(shipment));

        mvc.perform(get("/api/shipments").param("orderId", ORDER.toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string(matchesPattern("""
                        \\[\\{"id":"[0-9a-f-]{36}","orderId":"%s","status":"CANCELLED","name":"Ada",\
                        "street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE",\
                        "createdAt":"\\d{4}-\\d{2}-\\d{2}T[^"]+Z","updatedAt":"\\d{4}-\\d{2}-\\d{2}T[^"]+Z"}]""".formatted(ORDER))));
    }
}
