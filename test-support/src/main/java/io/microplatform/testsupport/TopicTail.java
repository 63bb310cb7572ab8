package io.microplatform.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Reads topics from their end at the moment it was opened, as raw bytes and outside any consumer group: exactly what
 * was published from then on, whatever the consumers under test do with it. Keeps every record it polled. A
 * KafkaConsumer underneath, so one thread at a time (Awaitility: {@code pollInSameThread()}). A test class opens one
 * for each test with
 * <pre>
 * &#64;RegisterExtension
 * final TopicTail orderEvents = TopicTail.eachTest(Topics.ORDER_EVENTS);
 * </pre>
 */
public final class TopicTail implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    private final List<String> topics;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;

    public TopicTail(String bootstrapServers, String topic) {
        this(bootstrapServers, List.of(topic));
    }

    public TopicTail(String bootstrapServers, Collection<String> topics) {
        this.topics = List.copyOf(topics);
        open(bootstrapServers);
    }

    private TopicTail(Collection<String> topics) {
        this.topics = List.copyOf(topics);
    }

    /** Opens at the start of each test, on the broker of the test's Spring context, and closes at its end. */
    public static TopicTail eachTest(String... topics) {
        return new TopicTail(List.of(topics));
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        received.clear();
        open(bootstrapServers(test));
    }

    @Override
    public void afterEach(ExtensionContext test) {
        close();
    }

    /** spring.kafka.bootstrap-servers of the running test's application context: for other per-test Kafka probes. */
    public static String bootstrapServers(ExtensionContext test) {
        return SpringExtension.getApplicationContext(test).getEnvironment()
                .getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    private void open(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the test publishes anything
        partitions.forEach(consumer::position);
    }

    /** Polls once, briefly, and returns every record received since the tail was opened, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> poll() {
        pollNew();
        return received;
    }

    /** Polls once, briefly, and returns only what this poll received: for callers that keep records converted. */
    public List<ConsumerRecord<String, byte[]>> pollNew() {
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>();
        consumer.poll(Duration.ofMillis(50)).forEach(polled::add);
        received.addAll(polled);
        return polled;
    }

    /** Polls once, briefly: whether any record received so far matches. */
    public boolean received(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return poll().stream().anyMatch(matching);
    }

    /** Polls once, briefly, and returns the records received so far with this key. */
    public List<ConsumerRecord<String, byte[]>> withKey(Object key) {
        return poll().stream().filter(record -> key.toString().equals(record.key())).toList();
    }

    /** The first record received so far that matches (without polling). */
    public ConsumerRecord<String, byte[]> first(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return received.stream().filter(matching).findFirst().orElseThrow();
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), UTF_8);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    public static int intHeader(ConsumerRecord<String, byte[]> record, String name) {
        return ByteBuffer.wrap(record.headers().lastHeader(name).value()).getInt();
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
            consumer = null;
        }
    }
}
