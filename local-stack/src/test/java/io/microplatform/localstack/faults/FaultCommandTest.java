package io.microplatform.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microplatform.localstack.console.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultCommandTest {

    @Test
    void readsTheIssuesFormIntoARule() {
        FaultCommand command = FaultCommand.parse(List.of("shipping-service", "--target", "inbound:/api/shipping/quotes",
                "--latency", "2s", "--error-rate", "0.5"));

        assertThat(command.action()).isEqualTo(FaultCommand.Action.ADD);
        assertThat(command.service()).contains("shipping-service");
        assertThat(command.rule()).isEqualTo(Map.of(
                "target", Map.of("type", "inbound-http", "name", "/api/shipping/quotes"),
                "latency", "2s", "errorRate", 0.5));
    }

    @Test
    void readsEveryEffectAndTheEqualsForm() {
        FaultCommand command = FaultCommand.parse(List.of("inventory-service-2", "--target=kafka:inventory.ReserveStock",
                "--jitter=200ms", "--error-status", "502", "--error-rate=1", "--refuse", "--duplicate", "--crash-before-ack"));

        assertThat(command.service()).contains("inventory-service-2");
        assertThat(command.rule()).containsEntry("target", Map.of("type", "kafka", "name", "inventory.ReserveStock"))
                .containsEntry("jitter", "200ms").containsEntry("errorStatus", 502).containsEntry("errorRate", 1.0)
                .containsEntry("refuse", true).containsEntry("duplicateDelivery", true)
                .containsEntry("crashBeforeAck", true);
    }

    @Test
    void readsACrashRuleOnARecordTypeOrARoute() {
        FaultCommand command = FaultCommand.parse(List.of("payment-service", "--target", "kafka:payment.RefundPayment",
                "--crash", "after-commit"));

        assertThat(command.rule()).isEqualTo(Map.of(
                "target", Map.of("type", "kafka", "name", "payment.RefundPayment"), "crash", "after-commit"));
        assertThat(FaultCommand.parse(List.of("order-service", "--target", "inbound:/api/orders", "--crash=before-commit"))
                .rule()).containsEntry("crash", "before-commit");
    }

    @Test
    void narrowsAKafkaRuleToAShareOfOrders() {
        assertThat(FaultCommand.parse(List.of("saga-orchestrator", "--target", "kafka:order.OrderPlaced", "--error-rate",
                "1", "--key-share", "0.25")).rule()).containsEntry("keyShare", 0.25);
        assertThatThrownBy(() -> FaultCommand.parse(List.of("order-service", "--target", "inbound:/api/orders",
                "--refuse", "--key-share", "0.25"))).hasMessageStartingWith("--key-share applies to kafka targets only");
        assertThatThrownBy(() -> FaultCommand.parse(List.of("saga-orchestrator", "--target", "kafka:order.OrderPlaced",
                "--refuse", "--key-share", "0"))).hasMessage("--key-share 0: a fraction above 0 and at most 1, e.g. 0.25");
    }

    @Test
    void takesTheLongTargetTypesToo() {
        assertThat(FaultCommand.parse(List.of("order-service", "--target", "outbound-http:inventory-service", "--refuse"))
                .rule()).containsEntry("target", Map.of("type", "outbound-http", "name", "inventory-service"));
        assertThat(FaultCommand.parse(List.of("order-service", "--target", "outbound:shipping-service", "--refuse"))
                .rule()).containsEntry("target", Map.of("type", "outbound-http", "name", "shipping-service"));
    }

    @Test
    void listsWithoutRuleOptionsAndClearsOneOrAll() {
        assertThat(FaultCommand.parse(List.of("payment-service")))
                .isEqualTo(new FaultCommand(FaultCommand.Action.LIST, Optional.of("payment-service"), Map.of()));
        assertThat(FaultCommand.parse(List.of("clear")))
                .isEqualTo(new FaultCommand(FaultCommand.Action.CLEAR, Optional.empty(), Map.of()));
        assertThat(FaultCommand.parse(List.of("clear", "saga-orchestrator")).service()).contains("saga-orchestrator");
    }

    @Test
    void rejectsWhatNoServiceWouldAccept() {
        List<List<String>> wrong = List.of(
                List.of(),
                List.of("billing-service"),
                List.of("registry-service"),
                List.of("order-service", "--latency", "2s"),
                List.of("order-service", "--target", "inbound:/api/orders"),
                List.of("order-service", "--target", "database:orders", "--refuse"),
                List.of("order-service", "--target", "/api/orders", "--refuse"),
                List.of("order-service", "--target", "inbound:/api/orders", "--latency", "2 seconds"),
                List.of("order-service", "--target", "inbound:/api/orders", "--latency"),
                List.of("order-service", "--target", "inbound:/api/orders", "--error-rate", "50%"),
                List.of("order-service", "--target", "inbound:/api/orders", "--error-rate", "1.5"),
                List.of("order-service", "--target", "inbound:/api/orders", "--error-rate", "0.5", "--error-status", "404"),
                List.of("order-service", "--target", "inbound:/api/orders", "--duplicate"),
                List.of("order-service", "--target", "inbound:/api/orders", "--crash"),
                List.of("order-service", "--target", "inbound:/api/orders", "--crash", "mid-commit"),
                List.of("order-service", "--target", "outbound:inventory-service", "--crash", "before-commit"),
                List.of("order-service", "--target", "inbound:/api/orders", "--refuse", "--slow"),
                List.of("clear", "order-service", "payment-service"));
        for (List<String> arguments : wrong) {
            assertThatThrownBy(() -> FaultCommand.parse(arguments)).as("fault %s", arguments)
                    .isInstanceOf(UsageException.class);
        }
    }

    @Test
    void saysWhatACrashPointMayBeInOneLine() {
        assertThatThrownBy(() -> FaultCommand.parse(List.of("payment-service", "--target", "kafka:payment.RefundPayment",
                "--crash", "later"))).hasMessage("--crash later: before-commit or after-commit");
        assertThatThrownBy(() -> FaultCommand.parse(List.of("order-service", "--target", "outbound:inventory-service",
                "--crash", "after-commit"))).hasMessageStartingWith("--crash applies to kafka and inbound targets only");
    }
}
