package io.microplatform.support.faults;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The topic of a faults IT's test listener: its records carry a message type, as the services' messages do, so that
 * Kafka fault rules can target them; each is keyed and valued by a fresh unique value, and the listener counts its
 * handlings per value. One per IT, so that two cached application contexts never read each other's records.
 */
final class TypedRecordTopic {

    private final String name;
    private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    TypedRecordTopic(String name) {
        this.name = name;
    }

    NewTopic newTopic() {
        return TopicBuilder.name(name).partitions(1).replicas(1).build();
    }

    /** Sends a record of the type and returns its value, which is also its key. */
    String send(KafkaTemplate<String, String> kafka, String type) {
        String value = type + "-" + UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(name, value, value);
        record.headers().add(KafkaFaultListener.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
        return value;
    }

    /** Called by the test listener each time it runs for the value. */
    void handling(String value) {
        handled.computeIfAbsent(value, key -> new AtomicInteger()).incrementAndGet();
    }

    int handled(String value) {
        AtomicInteger count = handled.get(value);
        return count == null ? 0 : count.get();
    }

    /** Like messaging-support's: a failed record is delivered again after a short back-off, four times at most. */
    static CommonErrorHandler redeliveringErrorHandler() {
        return new DefaultErrorHandler(new FixedBackOff(100, 4));
    }

    /** The faults.injected counter of one target and effect: 0 before the first injection. */
    static double injected(MeterRegistry meters, String targetType, String target, String effect) {
        Counter counter = meters.find("faults.injected").tag("target_type", targetType).tag("target", target)
                .tag("effect", effect).counter();
        return counter == null ? 0 : counter.count();
    }
}
