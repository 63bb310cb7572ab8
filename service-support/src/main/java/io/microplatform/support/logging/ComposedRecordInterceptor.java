package io.microplatform.support.logging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one RecordInterceptor Boot applies: every other RecordInterceptor bean (the order id MDC here,
 * messaging-support's vector clock capture, a service's own), in their Ordered order. Boot's listener container
 * factory takes the RecordInterceptor bean only when it is unique or primary, so without this each new interceptor
 * would silently switch off all of them.
 */
final class ComposedRecordInterceptor implements RecordInterceptor<Object, Object> {

    // resolved on first use: looking the other beans up while this one is being created would find this one too
    private final SingletonSupplier<RecordInterceptor<Object, Object>> delegates;

    ComposedRecordInterceptor(ObjectProvider<RecordInterceptor<Object, Object>> interceptors) {
        this.delegates = SingletonSupplier.of(() -> compose(interceptors));
    }

    @SuppressWarnings("unchecked")
    private RecordInterceptor<Object, Object> compose(ObjectProvider<RecordInterceptor<Object, Object>> interceptors) {
        return new CompositeRecordInterceptor<>(interceptors.orderedStream()
                .filter(interceptor -> interceptor != this)
                .toArray(RecordInterceptor[]::new));
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return delegates.obtain().intercept(record, consumer);
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        delegates.obtain().success(record, consumer);
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        delegates.obtain().failure(record, exception, consumer);
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        delegates.obtain().afterRecord(record, consumer);
    }

    @Override
    public void setupThreadState(Consumer<?, ?> consumer) {
        delegates.obtain().setupThreadState(consumer);
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        delegates.obtain().clearThreadState(consumer);
    }
}
