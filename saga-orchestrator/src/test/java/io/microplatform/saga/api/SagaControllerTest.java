package io.microplatform.saga.api;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.SagaManagement;
import io.microplatform.saga.domain.DeliveryAddress;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OrderedItem;
import io.microplatform.saga.domain.RetryPolicy;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaNotFoundException;
import io.microplatform.saga.domain.SagaState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SagaController.class)
@Import(SagaControllerTest.FixedClock.class)
class SagaControllerTest {

    private static final Instant STARTED = Instant.parse("2025-11-26T10:15:30.123456Z");
    private static final Instant NOW = STARTED.plusSeconds(42);
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private SagaManagement sagas;

    @Test
    void showsTheSagaWithItsStepHistory() throws Exception {
        Saga saga = Saga.start(ORDER, order(), new RetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(2), 3, 10),
                STARTED);
        given(sagas.get(ORDER)).willReturn(saga);
        String commandId = saga.outstandingCommand().orElseThrow().commandId().toString();

        mvc.perform(get("/api/sagas/{orderId}", ORDER))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"orderId":"00000000-0000-0000-0000-00000000000b","state":"RUNNING","reason":null,
                         "currentStep":"reserve-stock","direction":"FORWARD",
                         "createdAt":"2025-11-26T10:15:30.123456Z","updatedAt":"2025-11-26T10:15:30.123456Z",
                         "steps":[{"name":"reserve-stock","command":"RESERVE_STOCK","commandId":"%s",
                                   "direction":"FORWARD","attempts":1,"sentAt":"2025-11-26T10:15:30.123456Z",
                                   "reply":null,"repliedAt":null,"outcome":"PENDING"}]}
                        """.formatted(commandId), true));
    }

    @Test
    void answersAnUnknownOrderWithProblemJson404() throws Exception {
        given(sagas.get(ORDER)).willThrow(new SagaNotFoundException(ORDER));

        mvc.perform(get("/api/sagas/{orderId}", ORDER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"title":"Saga not found","status":404,"detail":"No saga for order %s","orderId":"%s"}
                        """.formatted(ORDER, ORDER)));
    }

    @Test
    void listsSagasOfAStateWithTheirAge() throws Exception {
        Saga saga = Saga.start(ORDER, order(), new RetryPolicy(Duration.ofSeconds(10), 2, Duration.ofMinutes(2), 3, 10),
                STARTED);
        given(sagas.list(Optional.of(SagaState.RUNNING))).willReturn(List.of(saga));

        mvc.perform(get("/api/sagas").param("state", "RUNNING"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"orderId":"00000000-0000-0000-0000-00000000000b","state":"RUNNING","reason":null,
                          "currentStep":"reserve-stock","createdAt":"2025-11-26T10:15:30.123456Z","ageSeconds":42}]
                        """, true));
    }

    @Test
    void listsTheNewestSagasWithoutAState() throws Exception {
        given(sagas.list(Optional.empty())).willReturn(List.of());

        mvc.perform(get("/api/sagas")).andExpect(status().isOk()).andExpect(content().json("[]", true));
    }

    @Test
    void answersAnUnknownStateWithProblemJson400() throws Exception {
        mvc.perform(get("/api/sagas").param("state", "PARKED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"title":"Invalid saga state","status":400,"state":"PARKED",
                         "detail":"Unknown saga state 'PARKED'; use one of [RUNNING, COMPENSATING, CONFIRMED, CANCELLED, FAILED]"}
                        """));
    }

    private static OrderDetails order() {
        return new OrderDetails("alice", List.of(new OrderedItem("KEYBOARD-01", 2, new BigDecimal("49.90"))),
                new BigDecimal("104.79"), new DeliveryAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
