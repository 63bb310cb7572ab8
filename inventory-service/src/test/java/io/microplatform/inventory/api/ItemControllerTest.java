package io.microplatform.inventory.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.microplatform.inventory.domain.Item;
import io.microplatform.inventory.domain.ItemRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.microplatform.testsupport.ProblemDetailsContract.problemJson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ItemController.class)
class ItemControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ItemRepository items;

    @Test
    void answersAnUnknownSkuWithProblemJson404() throws Exception {
        given(items.withSku("NOPE-01")).willReturn(Optional.empty());

        mvc.perform(get("/api/inventory/items/NOPE-01").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Item not found","status":404,"detail":"No item with sku NOPE-01",
                         "instance":"/api/inventory/items/NOPE-01","sku":"NOPE-01"}
                        """));
    }

    @Test
    void writesPricesAsNumbersWithTwoDecimals() throws Exception {
        given(items.withSku("KEYBOARD-01")).willReturn(Optional.of(new Item("KEYBOARD-01", "Mechanical keyboard", new BigDecimal("49.9"), 100)));

        mvc.perform(get("/api/inventory/items/KEYBOARD-01"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string("""
                        {"sku":"KEYBOARD-01","name":"Mechanical keyboard","price":49.90,"stock":100}"""));
    }

    @Test
    void listsItemsInTheRepositorysOrder() throws Exception {
        given(items.all()).willReturn(List.of(
                new Item("KEYBOARD-01", "Mechanical keyboard", new BigDecimal("49.90"), 100),
                new Item("LAPTOP-14", "14-inch laptop", new BigDecimal("1299"), 0)));

        mvc.perform(get("/api/inventory/items"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sku").value(contains("KEYBOARD-01", "LAPTOP-14")))
                .andExpect(content().string(containsString("\"price\":1299.00")));
    }
}
