package io.microplatform.saga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.microplatform.contracts.Command;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.Topics;
import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommandMessagesTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID COMMAND = UUID.randomUUID();
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");
    private static final OrderPlaced PLACED = new OrderPlaced(UUID.randomUUID(), ORDER, "alice",
            List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("4.99"),
            new BigDecimal("104.79"), ADDRESS);
    private static final OrderDetails DETAILS = CommandMessages.toOrderDetails(PLACED);

    @ParameterizedTest
    @EnumSource(SagaCommand.class)
    void everyCommandGoesToItsParticipantsTopicWithTheCommandIdAsMessageId(SagaCommand command) {
        Command message = CommandMessages.toMessage(outgoing(command, Optional.of(CancellationReason.TIMED_OUT)));

        assertThat(message.messageId()).isEqualTo(COMMAND);
        assertThat(message.orderId()).isEqualTo(ORDER);
        assertThat(CommandMessages.topicOf(command)).isEqualTo(switch (command.participant()) {
            case INVENTORY -> Topics.INVENTORY_COMMANDS;
            case PAYMENT -> Topics.PAYMENT_COMMANDS;
            case SHIPPING -> Topics.SHIPPING_COMMANDS;
            case ORDER -> Topics.ORDER_COMMANDS;
        });
    }

    @Test
    void buildsCommandsFromTheOrderTheSagaKept() {
        assertThat(CommandMessages.toMessage(outgoing(SagaCommand.RESERVE_STOCK, Optional.empty())))
                .isEqualTo(new ReserveStock(COMMAND, ORDER, PLACED.lines()));
        assertThat(CommandMessages.toMessage(outgoing(SagaCommand.CHARGE_PAYMENT, Optional.empty())))
                .isEqualTo(new ChargePayment(COMMAND, ORDER, "alice", new BigDecimal("104.79")));
        assertThat(CommandMessages.toMessage(outgoing(SagaCommand.CREATE_SHIPMENT, Optional.empty())))
                .isEqualTo(new CreateShipment(COMMAND, ORDER, ADDRESS));
        assertThat(CommandMessages.toMessage(outgoing(SagaCommand.CANCEL_ORDER, Optional.of(CancellationReason.OUT_OF_STOCK))))
                .isEqualTo(new CancelOrder(COMMAND, ORDER, "OUT_OF_STOCK"));
    }

    /** Participants dead-letter a command that breaks its contract: none the saga builds from a valid order does. */
    @ParameterizedTest
    @EnumSource(SagaCommand.class)
    void buildsEveryCommandWithinItsContract(SagaCommand command) {
        assertThat(CommandMessages.toMessage(outgoing(command, Optional.of(CancellationReason.TIMED_OUT))).violations())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CancellationReason.class)
    void cancelsWithAReasonTheContractKnows(CancellationReason reason) {
        assertThat(CommandMessages.toMessage(outgoing(SagaCommand.CANCEL_ORDER, Optional.of(reason))).violations())
                .isEmpty();
    }

    @Test
    void refusesToCancelAnOrderWithoutAReason() {
        assertThatIllegalStateException()
                .isThrownBy(() -> CommandMessages.toMessage(outgoing(SagaCommand.CANCEL_ORDER, Optional.empty())));
    }

    @Test
    void knowsForEveryReplyTypeOfTheContractsWhichCommandItAnswers() {
        List<Class<?>> replyTypes = Arrays.stream(Message.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .filter(Reply.class::isAssignableFrom)
                .toList();

        assertThat(replyTypes).isNotEmpty()
                .allSatisfy(type -> assertThat(CommandMessages.answeredBy(type)).as(type.getName()).isPresent());
        ReceivedReply received = CommandMessages.toReceived(
                new StockUnavailable(UUID.randomUUID(), ORDER, COMMAND, List.of("LAPTOP-14")));
        assertThat(received).isEqualTo(new ReceivedReply(ORDER, COMMAND, SagaCommand.RESERVE_STOCK, false,
                "inventory.StockUnavailable"));
    }

    private static OutgoingCommand outgoing(SagaCommand command, Optional<CancellationReason> reason) {
        return new OutgoingCommand(COMMAND, command, ORDER, Optional.of(DETAILS), reason);
    }
}
