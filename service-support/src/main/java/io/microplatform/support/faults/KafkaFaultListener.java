package io.microplatform.support.faults;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.microplatform.support.faults.FaultRule.Effect;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.DelegatingMessageListener;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Wraps a record listener of a {@code @KafkaListener} container. Per matching rule, in this order: refuse and error
 * throw {@link InjectedFaultException} before the handler runs; latency waits before it; a crash rule arms the
 * thread while the handler runs (its transaction's commit halts the JVM, see {@link CrashPoints}); after the handler,
 * duplicate delivery invokes it a second time with the same record, and crash-before-acknowledge throws once per
 * record so its offset is not committed. Everything thrown goes to the container's error handler (messaging-support's
 * DefaultErrorHandler): the record is redelivered after its back-off, and a record that keeps failing goes to the DLT.
 */
class KafkaFaultListener implements AcknowledgingConsumerAwareMessageListener<Object, Object>,
        DelegatingMessageListener<MessageListener<Object, Object>> {

    /** The header messaging-support's outbox writes with every message (MessagingHeaders.TYPE). */
    static final String TYPE_HEADER = "message-type";

    private static final int REMEMBERED_CRASHES = 10_000;

    private final MessageListener<Object, Object> delegate;
    private final FaultRules rules;
    private final CrashPoints crashes;
    /** Records crashed once: their redelivery is processed, as it would be by a restarted instance. */
    private final Set<String> crashed = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_CRASHES;
                }
            }));

    KafkaFaultListener(MessageListener<Object, Object> delegate, FaultRules rules, CrashPoints crashes) {
        this.delegate = delegate;
        this.rules = rules;
        this.crashes = crashes;
    }

    @Override
    public MessageListener<Object, Object> getDelegate() {
        return delegate;
    }

    @Override
    public void onMessage(ConsumerRecord<Object, Object> record, Acknowledgment acknowledgment,
            Consumer<?, ?> consumer) {
        List<FaultRule> matching = rules.kafka(typeOf(record)).stream().filter(rule -> rule.coversKey(record.key()))
                .toList();
        if (matching.isEmpty()) {
            invoke(record, acknowledgment, consumer);
            return;
        }
        String detail = record.topic() + "-" + record.partition() + "@" + record.offset() + " " + typeOf(record);
        for (FaultRule rule : matching) {
            if (rule.refuse()) {
                rules.injected(rule, Effect.REFUSE, detail);
                throw new InjectedFaultException("Refused by fault injection rule " + rule.id() + ": " + detail);
            }
            rules.delay(rule, detail);
            if (rule.failsThisCall()) {
                rules.injected(rule, Effect.ERROR, detail);
                throw new InjectedFaultException("Failed by fault injection rule " + rule.id() + ": " + detail);
            }
        }
        try (CrashPoints.Handling handling = crashes.arm(matching, detail)) {
            invoke(record, acknowledgment, consumer);
            for (FaultRule rule : matching) {
                if (rule.duplicateDelivery()) {
                    rules.injected(rule, Effect.DUPLICATE, detail);
                    invoke(record, acknowledgment, consumer);
                }
            }
        }
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        for (FaultRule rule : matching) {
            if (rule.crashBeforeAck() && crashed.add(rule.id() + "/" + position)) {
                rules.injected(rule, Effect.CRASH_BEFORE_ACK, detail);
                throw new InjectedFaultException("Crashed before acknowledging by fault injection rule " + rule.id()
                        + " (the handler ran; the record will be delivered again): " + detail);
            }
        }
    }

    @Override
    public void onMessage(ConsumerRecord<Object, Object> record) {
        onMessage(record, null, null);
    }

    /** Calls the delegate the way the container would have, by its own listener type. */
    private void invoke(ConsumerRecord<Object, Object> record, Acknowledgment acknowledgment, Consumer<?, ?> consumer) {
        switch (ListenerUtils.determineListenerType(delegate)) {
            case ACKNOWLEDGING_CONSUMER_AWARE -> delegate.onMessage(record, acknowledgment, consumer);
            case ACKNOWLEDGING -> delegate.onMessage(record, acknowledgment);
            case CONSUMER_AWARE -> delegate.onMessage(record, consumer);
            case SIMPLE -> delegate.onMessage(record);
        }
    }

    /** The logical type id: the outbox's header, else the Jackson subtype name of the value's class. */
    static String typeOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        Object value = record.value();
        if (value == null) {
            return null;
        }
        for (Class<?> type : value.getClass().getInterfaces()) {
            JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
            if (subTypes != null) {
                for (JsonSubTypes.Type subType : subTypes.value()) {
                    if (subType.value() == value.getClass() && !subType.name().isEmpty()) {
                        return subType.name();
                    }
                }
            }
        }
        return value.getClass().getSimpleName();
    }

    /** What an injected Kafka fault throws; the error handler retries it like any other listener failure. */
    static final class InjectedFaultException extends RuntimeException {

        InjectedFaultException(String message) {
            super(message);
        }
    }
}
