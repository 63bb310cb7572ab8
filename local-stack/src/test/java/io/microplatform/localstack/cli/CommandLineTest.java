package io.microplatform.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microplatform.localstack.console.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void upTakesDetachAndRepeatedScales() {
        CommandLine command = CommandLine.parse(List.of("up", "--scale", "order-service=3", "-d", "--scale=payment-service=2"));

        assertThat(command.verb()).isEqualTo(CommandLine.Verb.UP);
        assertThat(command.detach()).isTrue();
        assertThat(command.scale()).isEqualTo(Map.of("order-service", 3, "payment-service", 2));
    }

    @Test
    void logsTakesFollowAndAServiceOrInstance() {
        CommandLine command = CommandLine.parse(List.of("logs", "-f", "order-service-2"));

        assertThat(command.follow()).isTrue();
        assertThat(command.target()).contains("order-service-2");
    }

    @Test
    void pauseTakesAServiceInstanceOrInfrastructureProcessAndADuration() {
        CommandLine command = CommandLine.parse(List.of("pause", "saga-orchestrator-2", "20s"));

        assertThat(command.verb()).isEqualTo(CommandLine.Verb.PAUSE);
        assertThat(command.target()).contains("saga-orchestrator-2");
        assertThat(command.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(CommandLine.parse(List.of("pause", "postgres", "500ms")).duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(CommandLine.parse(List.of("pause", "kafka", "2m")).duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(CommandLine.parse(List.of("pause", "order-service", "0s")).duration()).isZero();
        assertThatThrownBy(() -> CommandLine.parse(List.of("pause", "order-service", "20")))
                .isInstanceOf(UsageException.class)
                .hasMessage("pause order-service 20: the duration is a number with ms, s, m or h");
        assertThatThrownBy(() -> CommandLine.parse(List.of("pause", "order-service"))).isInstanceOf(UsageException.class);
    }

    @Test
    void killAndRestartNamePostgresKafkaAndTheTraceStore() {
        assertThat(CommandLine.parse(List.of("kill", "postgres")).target()).contains("postgres");
        assertThat(CommandLine.parse(List.of("restart", "kafka")).target()).contains("kafka");
        assertThat(CommandLine.parse(List.of("restart", "trace-store")).target()).contains("trace-store");
        assertThatThrownBy(() -> CommandLine.parse(List.of("kill", "infrastructure"))).isInstanceOf(UsageException.class);
    }

    @Test
    void rejectsUnknownVerbsServicesAndScales() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("start"))).isInstanceOf(UsageException.class)
                .hasMessage("unknown command 'start'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("kill", "billing-service"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--scale", "registry-service=2")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--scale", "order-service=10")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CommandLine.parse(List.of("down", "-x"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CommandLine.parse(List.of())).isInstanceOf(UsageException.class);
    }

    @Test
    void usageNamesTheFaultVerbParsedBeforeTheOthers() {
        assertThat(CommandLine.USAGE).contains("fault SERVICE", "fault clear [SERVICE]");
    }
}
