package io.microplatform.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microplatform.contracts.VectorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaOperations;

class OutboxRelayTest {

    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);
    private final OutboxRelay relay = new OutboxRelay(kafka, new SendOutcomes(mock(OutboxTable.class), 5),
            new MessagingMetrics(new SimpleMeterRegistry()), TraceParents.NONE, Duration.ofSeconds(2));

    @Test
    void sendsTheStoredJsonKeyedByOrderIdWithTypeTraceAndClockHeaders() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<>());
        UUID orderId = UUID.randomUUID();
        String traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        OutboxRecord row = new OutboxRecord(7, "order-events", orderId, "order.ConfirmOrder",
                "{\"type\":\"order.ConfirmOrder\"}", traceParent, "order-service=1,saga-orchestrator=2", Instant.now());

        relay.send(row);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, Object>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        ProducerRecord<String, Object> record = sent.getValue();
        assertThat(record.topic()).isEqualTo("order-events");
        assertThat(record.key()).isEqualTo(orderId.toString());
        assertThat(record.partition()).isNull();
        assertThat((byte[]) record.value()).asString(UTF_8).isEqualTo("{\"type\":\"order.ConfirmOrder\"}");
        assertThat(record.headers().lastHeader(MessagingHeaders.TYPE).value()).asString(UTF_8)
                .isEqualTo("order.ConfirmOrder");
        assertThat(record.headers().lastHeader(MessagingHeaders.TRACE_PARENT).value()).asString(UTF_8)
                .isEqualTo(traceParent);
        assertThat(record.headers().lastHeader(VectorClock.HEADER).value()).asString(UTF_8)
                .isEqualTo("order-service=1,saga-orchestrator=2");
    }

    @Test
    void sendsNoTraceOrClockHeaderForARowWrittenWithout() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<>());

        relay.send(new OutboxRecord(8, "order-events", UUID.randomUUID(), "order.ConfirmOrder", "{}", null, null,
                Instant.now()));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, Object>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().headers().lastHeader(MessagingHeaders.TRACE_PARENT)).isNull();
        assertThat(sent.getValue().headers().lastHeader(VectorClock.HEADER)).isNull();
    }
}
