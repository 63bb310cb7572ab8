package io.microplatform.inventory.api;

import io.microplatform.inventory.domain.ItemRepository;
import io.microplatform.testsupport.ProblemDetailsContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** inventory-service answers the common mistakes as every service does; its API reads by free-form sku only. */
@WebMvcTest
@MockitoBean(types = ItemRepository.class)
@ProblemDetailsContract.Routes(readOnly = "/api/inventory/items")
class ProblemDetailsTest extends ProblemDetailsContract {
}
