package io.microplatform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.OrderMessages.ConfirmOrder;
import io.microplatform.contracts.OrderMessages.OrderConfirmed;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.domain.SagaStep;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.MethodMode;

/**
 * The orchestrator goes away in the middle of a saga and a new one, started on the same database, finishes it: the
 * saga lives in PostgreSQL, not in memory. Two ordered steps, because Spring closes the first application context
 * (DirtiesContext) after the first and starts a fresh one for the second; nothing but the database and Kafka
 * survives in between.
 */
@SagaIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorRestartIT {

    private static UUID orderId;
    private static UUID reserveStockId;
    private static ApplicationContext first;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SagaManagement sagas;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    @Order(1)
    @DirtiesContext(methodMode = MethodMode.AFTER_METHOD)
    void theFirstOrchestratorSendsReserveStockThenIsClosed() {
        orderId = UUID.randomUUID();
        first = context;
        try (Participants participants = new Participants(bootstrapServers)) {
            reserveStockId = participants.placeOrder(orderId).messageId();
        }
        assertThat(sagas.get(orderId).state()).isEqualTo(SagaState.RUNNING);
    }

    @Test
    @Order(2)
    void aNewOrchestratorOnTheSameDatabaseFinishesTheSaga() {
        assertThat(context).as("a new application context").isNotSameAs(first);
        Saga resumed = sagas.get(orderId);
        assertThat(resumed.currentStepName()).isEqualTo("reserve-stock");
        assertThat(resumed.outstandingCommand()).hasValueSatisfying(command ->
                assertThat(command.commandId()).isEqualTo(reserveStockId));

        try (Participants participants = new Participants(bootstrapServers)) {
            // the answer to the command the first orchestrator sent
            participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserveStockId));
            ConfirmOrder confirm = participants.chargeAndShip(orderId);
            participants.reply(new OrderConfirmed(UUID.randomUUID(), orderId, confirm.messageId()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sagas.get(orderId).state() == SagaState.CONFIRMED);
        assertThat(sagas.get(orderId).steps()).extracting(SagaStep::command).containsExactly(SagaCommand.RESERVE_STOCK,
                SagaCommand.CHARGE_PAYMENT, SagaCommand.CREATE_SHIPMENT, SagaCommand.CONFIRM_ORDER);
        assertThat(sagas.get(orderId).steps().get(0).commandId()).isEqualTo(reserveStockId);
    }
}
