package io.microplatform.order;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its end at the time it was opened, outside any consumer group, as the JSON on the wire: what a
 * consumer of the topic gets, not what this service meant to send.
 */
public final class TopicReader implements AutoCloseable {

    /** A record as read: its key and its value as JSON (decimals kept exact, 49.90 stays 49.90). */
    public record Received(String key, JsonNode value) {

        public String type() {
            return value.path("type").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: fix the positions now, before the test publishes anything
        partitions.forEach(consumer::position);
    }

    /** Polls briefly and returns the records received so far with this key. */
    public List<Received> withKey(Object key) {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> received.add(new Received(record.key(), parse(record.value()))));
        return received.stream().filter(record -> key.toString().equals(record.key())).toList();
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(new String(value, UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
