package io.microplatform.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.microplatform.contracts.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeliveryAttemptAware;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Where the consumers' error handler puts a record it gives up on: {@code <topic>-dlt}, same partition, original
 * bytes, Spring Kafka's {@code kafka_dlt-*} headers (original topic, partition, offset, exception) and two of ours that
 * say why ({@link DeadLetterReason}) and after how many deliveries. Counted in {@code messaging.dead.letters} by topic
 * and reason, and logged.
 */
final class DeadLetters implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MessagingMetrics metrics;
    private DeliveryAttemptAware deliveries;

    DeadLetters(KafkaOperations<?, ?> kafka, MessagingMetrics metrics) {
        this.metrics = metrics;
        this.publisher = new DeadLetterPublishingRecoverer(kafka,
                // the same partition of the dead-letter topic, so an order's dead letters stay in order too
                (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), record.partition()));
        publisher.setHeadersFunction((record, exception) -> {
            Headers why = new RecordHeaders();
            why.add(MessagingHeaders.DEAD_LETTER_REASON, DeadLetterReason.of(exception).label().getBytes(UTF_8));
            why.add(MessagingHeaders.DEAD_LETTER_ATTEMPTS, String.valueOf(attempts(record)).getBytes(UTF_8));
            return why;
        });
    }

    /** The error handler that calls this recoverer: it knows how often the record was delivered. */
    void countingDeliveriesWith(DeliveryAttemptAware errorHandler) {
        this.deliveries = errorHandler;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        DeadLetterReason reason = DeadLetterReason.of(exception);
        int attempts = attempts(record);
        publisher.accept(record, consumer, exception);
        metrics.deadLettered(record.topic(), reason);
        // the error handler itself says nothing when the recoverer succeeds
        log.warn("Sent record {}-{}@{} (key {}) to its dead-letter topic, {} after {} deliveries: {}", record.topic(),
                record.partition(), record.offset(), record.key(), reason.label(), attempts,
                NestedExceptionUtils.getMostSpecificCause(exception).toString());
    }

    /**
     * Deliveries of the record so far. While the handler recovers a record it still tracks it, and names the delivery
     * that would come next.
     */
    private int attempts(ConsumerRecord<?, ?> record) {
        if (deliveries == null) {
            return 1;
        }
        int next = deliveries.deliveryAttempt(new TopicPartitionOffset(record.topic(), record.partition(),
                record.offset()));
        // with no retries configured the handler tracks nothing and always names the first delivery
        return Math.max(1, next - 1);
    }
}
