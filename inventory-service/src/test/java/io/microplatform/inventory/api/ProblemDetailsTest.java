package io.microplatform.inventory.api;

import io.microplatform.inventory.domain.ItemRepository;
import io.microplatform.testsupport.ProblemDetailsContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** inventory-service answers the common mistakes as every service does; a sku with a space cannot be one. */
@WebMvcTest
@MockitoBean(types = ItemRepository.class)
@ProblemDetailsContract.Routes(readOnly = "/api/inventory/items", malformedIdInPath = "/api/inventory/items/not a sku")
class ProblemDetailsTest extends ProblemDetailsContract {
}
