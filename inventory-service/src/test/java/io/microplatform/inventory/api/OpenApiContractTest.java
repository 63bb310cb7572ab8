package io.microplatform.inventory.api;

import io.microplatform.inventory.domain.ItemRepository;
import io.microplatform.testsupport.OpenApiContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** inventory-service's OpenAPI document states the limits it enforces, and its errors as problem details. */
@WebMvcTest
@MockitoBean(types = ItemRepository.class)
class OpenApiContractTest extends OpenApiContract {
}
