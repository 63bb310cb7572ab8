package io.microplatform.saga.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.SagaManagement;
import io.microplatform.saga.domain.SagaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sagas")
class SagaController {

    private final SagaManagement sagas;
    private final Clock clock;

    SagaController(SagaManagement sagas, Clock clock) {
        this.sagas = sagas;
        this.clock = clock;
    }

    @Operation(summary = "An order's saga with its steps")
    @ApiResponse(responseCode = "200", description = "The saga")
    @ApiResponse(responseCode = "404", description = "Saga not found")
    @GetMapping("/{orderId}")
    SagaResponse get(@PathVariable UUID orderId) {
        return SagaResponse.of(sagas.get(orderId));
    }

    /** With a state: the 100 oldest in it (the ones stuck longest first); without: the 100 newest of all. */
    @Operation(summary = "Sagas: the 100 oldest in a state, or the 100 newest of all")
    @ApiResponse(responseCode = "200", description = "The sagas")
    @ApiResponse(responseCode = "400", description = "Invalid saga state")
    @GetMapping
    List<SagaSummary> list(@Parameter(description = "Case does not matter", schema = @Schema(
            implementation = SagaState.class)) @RequestParam(required = false) String state) {
        Instant now = clock.instant();
        return sagas.list(Optional.ofNullable(state).map(SagaController::parseState)).stream()
                .map(saga -> SagaSummary.of(saga, now))
                .toList();
    }

    private static SagaState parseState(String state) {
        try {
            return SagaState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidStateException(state, Arrays.asList(SagaState.values()));
        }
    }
}
