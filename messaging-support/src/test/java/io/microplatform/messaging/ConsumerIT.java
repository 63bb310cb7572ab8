package io.microplatform.messaging;

import static io.microplatform.testsupport.TopicTail.header;
import static io.microplatform.testsupport.TopicTail.intHeader;
import static io.microplatform.testsupport.TopicTail.value;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.Topics;
import io.microplatform.testsupport.TopicTail;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

@MessagingIntegrationTest
class ConsumerIT {

    private static final String DEAD_LETTERS = Topics.deadLetterTopicOf(Topics.INVENTORY_COMMANDS);

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InventoryCommandsListener listener;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MessageJson json;
    @Autowired
    KafkaAdmin admin;

    @RegisterExtension
    final TopicTail deadLetters = TopicTail.eachTest(DEAD_LETTERS);
    @RegisterExtension
    final TopicTail replies = TopicTail.eachTest(Topics.SAGA_REPLIES);

    @Test
    void everyTopicAndItsDeadLetterTopicExistWithTheSamePartitions() {
        List<String> names = Topics.all().stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetterTopicOf(topic)))
                .toList();

        assertThat(admin.describeTopics(names.toArray(String[]::new)).values())
                .hasSize(names.size())
                .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(Topics.PARTITIONS));
    }

    @Test
    void readsMoneyWithItsScaleThroughTheApplicationsObjectMapper() {
        ReserveStock command = reserveStock(UUID.randomUUID());
        byte[] written = json.valueSerializer().serialize(Topics.INVENTORY_COMMANDS, new RecordHeaders(), command);

        ReserveStock read = (ReserveStock) json.valueDeserializer()
                .deserialize(Topics.INVENTORY_COMMANDS, new RecordHeaders(), written);

        assertThat(read).isEqualTo(command);
        assertThat(read.lines().get(0).unitPrice().toPlainString()).isEqualTo("49.90");
    }

    @Test
    void appliesARedeliveredMessageOnceAndAnswersItAgain() throws Exception {
        double skippedBefore = skippedDuplicates();
        UUID orderId = UUID.randomUUID();
        ReserveStock command = reserveStock(orderId);
        ReserveStock next = reserveStock(orderId);

        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), command).get();
        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), command).get();
        // same key, same partition: once the next command took effect, the duplicate was handled before it
        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), next).get();

        await().atMost(Duration.ofSeconds(15)).until(() -> reservations(next.messageId()) == 1);
        assertThat(reservations(command.messageId())).isOne();
        assertThat(skippedDuplicates()).isEqualTo(skippedBefore + 1);
        // the reply to the first delivery may be the message that got lost: the redelivery is answered too
        await().atMost(Duration.ofSeconds(5)).until(() -> replies.received(inReplyTo(next.messageId())));
        assertThat(replies.poll()).filteredOn(inReplyTo(command.messageId())::test).hasSize(2);
    }

    @Test
    void deadLettersUnreadableRecordsAndGoesOn() throws Exception {
        double deadLettersBefore = deadLettered();
        UUID orderId = UUID.randomUUID();
        byte[] malformed = ("{\"type\":\"inventory.ReserveStock\",\"messageId\":\"" + orderId).getBytes(UTF_8);
        byte[] unknownType = ("{\"type\":\"inventory.Teleport\",\"messageId\":\"" + UUID.randomUUID()
                + "\",\"orderId\":\"" + orderId + "\"}").getBytes(UTF_8);
        ReserveStock valid = reserveStock(orderId);

        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), malformed).get();
        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), unknownType).get();
        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), valid).get();

        await().atMost(Duration.ofSeconds(15)).until(() -> reservations(valid.messageId()) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters.poll().stream()
                .filter(record -> orderId.toString().equals(record.key())).count() == 2);
        List<ConsumerRecord<String, byte[]>> dead = deadLetters.poll().stream()
                .filter(record -> orderId.toString().equals(record.key()))
                .toList();
        // the original bytes, unchanged, on the same partition as the original record
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(malformed, unknownType);
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
            assertThat(record.partition()).isEqualTo(intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION));
        });
        assertThat(deadLettered()).isEqualTo(deadLettersBefore + 2);
    }

    @Test
    void deadLettersARecordWhoseHandlerKeepsFailingAfterBoundedRetriesAndGoesOn() throws Exception {
        UUID orderId = UUID.randomUUID();
        ReleaseStock command = new ReleaseStock(UUID.randomUUID(), orderId);
        // same key, same partition: it waits behind the poison record
        ReserveStock next = reserveStock(orderId);

        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), command).get();
        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), next).get();

        await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters.received(carrying(command.messageId())));
        await().atMost(Duration.ofSeconds(15)).until(() -> reservations(next.messageId()) == 1);
        ConsumerRecord<String, byte[]> dead = deadLetters.first(carrying(command.messageId()));
        assertThat(value(dead)).contains("\"type\":\"inventory.ReleaseStock\"");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("simulated bug");
        // the first delivery and messaging.consumer.retries (3) more
        assertThat(listener.releaseAttempts(command.messageId())).isEqualTo(4);
    }

    private long reservations(UUID messageId) {
        return jdbc.sql("SELECT count(*) FROM reservations WHERE message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    private double skippedDuplicates() {
        var counter = meters.find("messaging.duplicates.skipped").tag("consumer", "inventory.reserve-stock").counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLettered() {
        var counter = meters.find("messaging.dead.letters").tag("topic", Topics.INVENTORY_COMMANDS).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> inReplyTo(UUID commandId) {
        return record -> value(record).contains("\"inReplyTo\":\"" + commandId + "\"");
    }

    private static Predicate<ConsumerRecord<String, byte[]>> carrying(UUID messageId) {
        return record -> value(record).contains(messageId.toString());
    }

    private static ReserveStock reserveStock(UUID orderId) {
        return new ReserveStock(UUID.randomUUID(), orderId,
                List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90"))));
    }
}
