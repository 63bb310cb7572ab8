package io.microplatform.support.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot applies one RecordInterceptor; with the platform's composite that one runs every interceptor bean. */
class ComposedRecordInterceptorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, OrderIdLoggingAutoConfiguration.class));

    @Test
    void appliesTheOrderIdAndEveryOtherInterceptorBeanToTheListenerContainers() {
        Recording other = new Recording();
        runner.withBean("clockCapture", Recording.class, () -> other).run(context -> {
            RecordInterceptor<Object, Object> applied = appliedBy(context.getBean(ConcurrentKafkaListenerContainerFactory.class));
            assertThat(applied).isInstanceOf(ComposedRecordInterceptor.class);
            String orderId = UUID.randomUUID().toString();
            ConsumerRecord<Object, Object> record = new ConsumerRecord<>("order-events", 0, 0, orderId, "payload");

            assertThat(applied.intercept(record, null)).isSameAs(record);
            assertThat(MDC.get(OrderIdMdc.KEY)).isEqualTo(orderId);
            applied.afterRecord(record, null);

            assertThat(MDC.get(OrderIdMdc.KEY)).isNull();
            assertThat(other.calls).containsExactly("intercept " + orderId, "afterRecord " + orderId);
        });
    }

    @Test
    void appliesTheOrderIdAloneWhenThereIsNoOtherInterceptor() {
        runner.run(context -> {
            RecordInterceptor<Object, Object> applied = appliedBy(context.getBean(ConcurrentKafkaListenerContainerFactory.class));
            String orderId = UUID.randomUUID().toString();

            applied.intercept(new ConsumerRecord<>("order-events", 0, 0, orderId, "payload"), null);

            assertThat(MDC.get(OrderIdMdc.KEY)).isEqualTo(orderId);
            MDC.remove(OrderIdMdc.KEY);
        });
    }

    // the factory hands the interceptor to every container it creates; it has no getter for it
    @SuppressWarnings("unchecked")
    private static RecordInterceptor<Object, Object> appliedBy(ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
        return (RecordInterceptor<Object, Object>) ReflectionTestUtils.getField(factory, "recordInterceptor");
    }

    static class Recording implements RecordInterceptor<Object, Object> {

        final List<String> calls = new ArrayList<>();

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            calls.add("intercept " + record.key());
            return record;
        }

        @Override
        public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            calls.add("afterRecord " + record.key());
        }
    }
}
