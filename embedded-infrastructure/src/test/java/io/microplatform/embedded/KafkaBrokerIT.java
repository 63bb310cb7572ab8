package io.microplatform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path temp;

    @Test
    void keepsRecordsAcrossRestartsOfAKeptDirectory() throws Exception {
        Path logs = temp.resolve("kafka");
        int[] ports = FreePorts.pick(2);
        try (KafkaBroker broker = KafkaBroker.start(logs, ports[0], ports[1])) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>("greetings", "order-1", "hello")).get();
            }
            assertThat(readAll(broker, "greetings")).containsExactly("hello");
        }

        try (KafkaBroker broker = KafkaBroker.start(logs, ports[0], ports[1])) {
            assertThat(readAll(broker, "greetings")).containsExactly("hello");
        }
    }

    @Test
    void throwAwayBrokerOnFreePorts() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(null, 0, 0);
             KafkaProducer<String, String> producer = producer(broker)) {
            producer.send(new ProducerRecord<>("pings", "k", "ping")).get();
            assertThat(readAll(broker, "pings")).containsExactly("ping");
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** A new consumer group reads the topic from the beginning: polls until records come, then once more for the rest. */
    private static List<String> readAll(KafkaBroker broker, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // a consumer belongs to one thread: Awaitility polls on this one
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
