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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** Records of the three kinds a consumer can never handle, each with the explanation its dead letter carries. */
    static Stream<Arguments> unhandleableRecords() {
        return Stream.of(
                Arguments.of(DeadLetterReason.MALFORMED, "JSON cut short",
                        json("{\"type\":\"inventory.ReserveStock\",\"messageId\":\"%s"), "Unexpected end-of-input"),
                Arguments.of(DeadLetterReason.MALFORMED, "a number where the lines belong",
                        json("{\"type\":\"inventory.ReserveStock\",\"messageId\":\"%s\",\"orderId\":\"%s\","
                                + "\"lines\":42}"), "Cannot deserialize value of type"),
                Arguments.of(DeadLetterReason.UNKNOWN_TYPE, "a type no message has",
                        json("{\"type\":\"inventory.Teleport\",\"messageId\":\"%s\",\"orderId\":\"%s\"}"),
                        "Could not resolve type id 'inventory.Teleport'"),
                Arguments.of(DeadLetterReason.UNKNOWN_TYPE, "no type at all",
                        json("{\"messageId\":\"%s\",\"orderId\":\"%s\",\"lines\":[]}"),
                        "missing type id property 'type'"),
                Arguments.of(DeadLetterReason.INVALID, "a quantity of 0",
                        command(orderId -> reserveStock(orderId, "KEYBOARD-01", 0)),
                        "ReserveStock breaks its contract: lines[0].quantity is not 1 to 1000"),
                Arguments.of(DeadLetterReason.INVALID, "a control character in a sku",
                        command(orderId -> reserveStock(orderId, "KEYBOARD\u000701", 1)),
                        "ReserveStock breaks its contract: lines[0].sku is not an identifier of at most 64 characters"),
                Arguments.of(DeadLetterReason.INVALID, "no order id",
                        command(orderId -> new ReserveStock(UUID.randomUUID(), null,
                                List.of(new OrderLine("KEYBOARD-01", 1, BigDecimal.ONE)))),
                        "ReserveStock breaks its contract: orderId is missing"));
    }

    /**
     * Each kind goes to the dead-letter topic on its first delivery, never retried (no retry changes the bytes) and
     * never seen by the handler, saying why; the next record of the same order, on the same partition, is handled.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unhandleableRecords")
    void deadLettersARecordNoHandlerCanHandleAtOnceAndGoesOn(DeadLetterReason reason, String what,
            Function<UUID, Object> badRecord, String explanation) throws Exception {
        double deadLettersBefore = deadLettered(reason);
        UUID orderId = UUID.randomUUID();
        Object bad = badRecord.apply(orderId);
        ReserveStock next = reserveStock(orderId);

        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), bad).get();
        // same key, same partition: handled only once the partition moved past the bad record
        kafka.send(Topics.INVENTORY_COMMANDS, orderId.toString(), next).get();

        await().atMost(Duration.ofSeconds(15)).until(() -> reservations(next.messageId()) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !deadLetters.withKey(orderId).isEmpty());
        List<ConsumerRecord<String, byte[]>> dead = deadLetters.withKey(orderId);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> deadLetter = dead.get(0);
        // the original bytes, unchanged, on the same partition as the original record
        byte[] original = bad instanceof byte[] bytes ? bytes : json.valueSerializer().serialize(
                Topics.INVENTORY_COMMANDS, new RecordHeaders(), bad);
        assertThat(deadLetter.value()).isEqualTo(original);
        assertThat(deadLetter.partition()).isEqualTo(intHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION));
        assertThat(header(deadLetter, MessagingHeaders.DEAD_LETTER_REASON)).isEqualTo(reason.label());
        assertThat(header(deadLetter, MessagingHeaders.DEAD_LETTER_ATTEMPTS)).isEqualTo("1");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
        // the exception's own message is only "failed to deserialize": its cause tells
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).contains(explanation);
        assertThat(deadLettered(reason)).isEqualTo(deadLettersBefore + 1);
        if (bad instanceof ReserveStock command) {
            assertThat(reservations(command.messageId())).as("the handler never saw it").isZero();
            assertThat(replies.poll()).noneMatch(inReplyTo(command.messageId()));
        }
    }

    @Test
    void deadLettersARecordWhoseHandlerKeepsFailingAfterBoundedRetriesAndGoesOn() throws Exception {
        double deadLettersBefore = deadLettered(DeadLetterReason.FAILED);
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
        assertThat(header(dead, MessagingHeaders.DEAD_LETTER_REASON)).isEqualTo("failed");
        // the first delivery and messaging.consumer.retries (3) more
        assertThat(header(dead, MessagingHeaders.DEAD_LETTER_ATTEMPTS)).isEqualTo("4");
        assertThat(listener.releaseAttempts(command.messageId())).isEqualTo(4);
        assertThat(deadLettered(DeadLetterReason.FAILED)).isEqualTo(deadLettersBefore + 1);
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

    private double deadLettered(DeadLetterReason reason) {
        var counter = meters.find("messaging.dead.letters")
                .tags("topic", Topics.INVENTORY_COMMANDS, "reason", reason.label())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Bytes as a producer in another language might write them, with the order's id and a message id filled in. */
    private static Function<UUID, Object> json(String template) {
        return orderId -> template.formatted(UUID.randomUUID(), orderId).getBytes(UTF_8);
    }

    private static Function<UUID, Object> command(Function<UUID, ReserveStock> command) {
        return command::apply;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> inReplyTo(UUID commandId) {
        return record -> value(record).contains("\"inReplyTo\":\"" + commandId + "\"");
    }

    private static Predicate<ConsumerRecord<String, byte[]>> carrying(UUID messageId) {
        return record -> value(record).contains(messageId.toString());
    }

    private static ReserveStock reserveStock(UUID orderId) {
        return reserveStock(orderId, "KEYBOARD-01", 2);
    }

    private static ReserveStock reserveStock(UUID orderId, String sku, int quantity) {
        return new ReserveStock(UUID.randomUUID(), orderId,
                List.of(new OrderLine(sku, quantity, new BigDecimal("49.90"))));
    }
}
