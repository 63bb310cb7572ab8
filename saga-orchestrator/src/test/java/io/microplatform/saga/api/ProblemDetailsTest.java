package io.microplatform.saga.api;

import java.time.Clock;
import java.util.Optional;

import io.microplatform.saga.SagaManagement;
import io.microplatform.testsupport.ProblemDetailsContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** The saga orchestrator answers the common mistakes as every service does; its API takes no body. */
@WebMvcTest
class ProblemDetailsTest extends ProblemDetailsContract {

    @MockitoBean
    SagaManagement sagas;

    @BeforeEach
    void hideABugBehindTheFailingRoute() {
        given(sagas.get(any())).willThrow(BUG);
    }

    @Override
    protected String readOnlyRoute() {
        return "/api/sagas";
    }

    @Override
    protected String failingRoute() {
        return "/api/sagas/0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01";
    }

    @Override
    protected Optional<String> malformedIdInPath() {
        return Optional.of("/api/sagas/not-a-uuid");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
