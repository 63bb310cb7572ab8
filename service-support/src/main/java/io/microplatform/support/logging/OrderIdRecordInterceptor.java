package io.microplatform.support.logging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts a record's key, the order id for every platform topic, into the MDC while its listener runs. The container
 * calls afterRecord on the consumer thread once the listener returned or threw, so the key never leaks into the
 * next record's lines.
 */
class OrderIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Object key = record.key();
        if (key != null && OrderIdMdc.isUuid(key.toString())) {
            OrderIdMdc.put(key.toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        OrderIdMdc.remove();
    }
}
