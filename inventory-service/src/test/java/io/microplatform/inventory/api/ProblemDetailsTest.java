package io.microplatform.inventory.api;

import io.microplatform.inventory.domain.ItemRepository;
import io.microplatform.testsupport.ProblemDetailsContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

/** inventory-service answers the common mistakes as every service does; its API reads by free-form sku only. */
@WebMvcTest
class ProblemDetailsTest extends ProblemDetailsContract {

    @MockitoBean
    ItemRepository items;

    @BeforeEach
    void hideABugBehindTheFailingRoute() {
        given(items.findAll()).willThrow(BUG);
    }

    @Override
    protected String readOnlyRoute() {
        return "/api/inventory/items";
    }

    @Override
    protected String failingRoute() {
        return "/api/inventory/items";
    }
}
