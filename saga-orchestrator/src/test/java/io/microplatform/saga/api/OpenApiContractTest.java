package io.microplatform.saga.api;

import java.time.Clock;

import io.microplatform.saga.SagaManagement;
import io.microplatform.testsupport.OpenApiContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** saga-orchestrator's OpenAPI document states the states it takes, and its errors as problem details. */
@WebMvcTest
@MockitoBean(types = { SagaManagement.class, Clock.class })
class OpenApiContractTest extends OpenApiContract {
}
