package io.microplatform.saga.api;

import java.time.Clock;

import io.microplatform.saga.SagaManagement;
import io.microplatform.testsupport.ProblemDetailsContract;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The saga orchestrator answers the common mistakes as every service does; its API takes no body. */
@WebMvcTest
@MockitoBean(types = { SagaManagement.class, Clock.class })
@ProblemDetailsContract.Routes(readOnly = "/api/sagas", malformedIdInPath = "/api/sagas/not-a-uuid")
class ProblemDetailsTest extends ProblemDetailsContract {
}
