package io.microplatform.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.microplatform.testsupport.TopicTail;

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

    private final TopicTail tail;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        tail = new TopicTail(bootstrapServers, topic);
    }

    /** Polls briefly and returns the records received so far with this key. */
    public List<Received> withKey(Object key) {
        tail.pollNew().forEach(record -> received.add(new Received(record.key(), parse(TopicTail.value(record)))));
        return received.stream().filter(record -> key.toString().equals(record.key())).toList();
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}
