package io.microplatform.localstack.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.microplatform.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker-side faults: records delivered twice (exact copies: same key, value and headers, so the same message id),
 * and poison records that no consumer can process, each marked with a header so that the checker finds it on a
 * dead-letter topic afterwards. Outside every consumer group: reading never moves a service's offsets.
 */
final class KafkaFaults {

    /** Marks a poison record: {@code <run id>-<n>}; dead-letter publishing keeps the original headers. */
    static final String POISON_HEADER = "chaos-poison";
    private static final String TYPE_HEADER = "message-type";

    private final String bootstrapServers;
    private final String runId;
    private final Random random;

    KafkaFaults(String bootstrapServers, String runId, Random random) {
        this.bootstrapServers = bootstrapServers;
        this.runId = runId;
        this.random = random;
    }

    /**
     * For {@code window}, that {@code share} of the records that arrive on {@code topics} is written again, up to five
     * seconds later: its consumer sees the same message twice, the second time possibly after the saga has moved on (a late
     * duplicate of a command the saga has since compensated, say).
     *
     * @return copies written per message type
     */
    Map<String, Long> duplicate(List<String> topics, Duration window, double share) {
        Map<String, Long> copies = new LinkedHashMap<>();
        record Delayed(long dueNanos, ProducerRecord<byte[], byte[]> copy, String type) {
        }
        java.util.PriorityQueue<Delayed> waiting = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong(Delayed::dueNanos));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end || !waiting.isEmpty()) {
                if (System.nanoTime() < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        if (random.nextDouble() < share) {
                            waiting.add(new Delayed(System.nanoTime() + random.nextLong(5_000_000_000L),
                                    new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                                            record.headers()), type(record)));
                        }
                    }
                } else {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
                while (!waiting.isEmpty() && waiting.peek().dueNanos() <= System.nanoTime()) {
                    Delayed due = waiting.poll();
                    producer.send(due.copy());
                    copies.merge(due.type(), 1L, Long::sum);
                }
            }
            producer.flush();
        }
        return copies;
    }

    /**
     * Writes {@code count} records that cannot be processed: bytes that are no JSON, a type id nobody knows, and
     * well-formed messages that break the contract (no lines, a negative amount, a reply to nothing). Each is keyed by
     * an order id no order has, so no saga is touched.
     *
     * @return records written per kind
     */
    Map<String, Long> poison(int count) {
        List<ProducerRecord<byte[], byte[]>> kinds = List.of(
                record(Topics.SHIPPING_COMMANDS, null, "{ this is not json"),
                record(Topics.ORDER_EVENTS, null, "\u0000\u0001 binary, no JSON"),
                record(Topics.ORDER_COMMANDS, "order.ShipToTheMoon",
                        "{\"type\":\"order.ShipToTheMoon\",\"messageId\":\"%s\",\"orderId\":\"%s\"}"),
                record(Topics.INVENTORY_COMMANDS, "inventory.ReserveStock",
                        "{\"type\":\"inventory.ReserveStock\",\"messageId\":\"%s\",\"orderId\":\"%s\","
                                + "\"lines\":[{\"sku\":\"CHAOS-POISON\",\"quantity\":0,\"unitPrice\":1.00}]}"),
                record(Topics.PAYMENT_COMMANDS, "payment.ChargePayment",
                        "{\"type\":\"payment.ChargePayment\",\"messageId\":\"%s\",\"orderId\":\"%s\","
                                + "\"customerId\":\"chaos-poison\",\"amount\":-1.00}"),
                record(Topics.SAGA_REPLIES, "inventory.StockReserved",
                        "{\"type\":\"inventory.StockReserved\",\"messageId\":\"%s\",\"orderId\":\"%s\",\"inReplyTo\":null}"));
        Map<String, Long> written = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int n = 1; n <= count; n++) {
                ProducerRecord<byte[], byte[]> template = kinds.get(random.nextInt(kinds.size()));
                UUID orderId = UUID.randomUUID();
                String value = String.format(new String(template.value(), UTF_8), UUID.randomUUID(), orderId);
                ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(template.topic(), null,
                        orderId.toString().getBytes(UTF_8), value.getBytes(UTF_8));
                template.headers().forEach(header -> poison.headers().add(header));
                poison.headers().add(POISON_HEADER, (runId + "-" + n).getBytes(UTF_8));
                producer.send(poison).get(10, TimeUnit.SECONDS);
                written.merge(template.topic(), 1L, Long::sum);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write poison records: " + e.getMessage(), e);
        }
        return written;
    }

    /** A record that reached a dead-letter topic during the run. */
    record DeadLetter(String topic, String poisonId, String type, String exception, Instant at) {
    }

    /** Every record on the dead-letter topics written at or after {@code since}. */
    List<DeadLetter> deadLetters(Instant since) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.all()) {
                for (PartitionInfo partition : consumer.partitionsFor(Topics.deadLetterTopicOf(topic), Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(partition.topic(), partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Instant at = Instant.ofEpochMilli(record.timestamp());
                    if (!at.isBefore(since)) {
                        // Spring Kafka's dead-letter headers: the listener's wrapper exception and, more telling, its cause
                        String cause = header(record, "kafka_dlt-exception-cause-fqcn");
                        found.add(new DeadLetter(record.topic(), header(record, POISON_HEADER), type(record),
                                cause != null ? cause : header(record, "kafka_dlt-exception-fqcn"), at));
                    }
                }
            }
        }
        return found;
    }

    String runId() {
        return runId;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String type, String value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, value.getBytes(UTF_8));
        if (type != null) {
            record.headers().add(TYPE_HEADER, type.getBytes(UTF_8));
        }
        return record;
    }

    private static String type(ConsumerRecord<byte[], byte[]> record) {
        String type = header(record, TYPE_HEADER);
        return type == null ? "unknown" : type;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-" + runId);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
