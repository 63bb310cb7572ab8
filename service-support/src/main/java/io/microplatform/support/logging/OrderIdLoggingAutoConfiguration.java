package io.microplatform.support.logging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * {@code orderId} in the MDC wherever a service knows it: an HTTP request naming an order, a Kafka record keyed by
 * one. The readable log pattern and Boot's JSON formats both print it (docs/metrics-and-logs.md).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class OrderIdLoggingAutoConfiguration {

    /** Right after Boot's server observation filter (HIGHEST_PRECEDENCE + 1), before fault injection and the app. */
    private static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Http {

        @Bean
        FilterRegistrationBean<OrderIdMdcFilter> orderIdMdcFilter() {
            FilterRegistrationBean<OrderIdMdcFilter> registration = new FilterRegistrationBean<>(new OrderIdMdcFilter());
            registration.setOrder(FILTER_ORDER);
            return registration;
        }
    }

    /**
     * Boot's listener container factory takes the RecordInterceptor bean only when there is exactly one or a primary
     * one: the primary composite applies every RecordInterceptor bean, this one and messaging-support's vector clock
     * capture among them. An interceptor is added as a bean of its own, never by replacing the composite.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class Kafka {

        @Bean
        OrderIdRecordInterceptor orderIdRecordInterceptor() {
            return new OrderIdRecordInterceptor();
        }

        @Bean
        @Primary
        ComposedRecordInterceptor composedRecordInterceptor(ObjectProvider<RecordInterceptor<Object, Object>> interceptors) {
            return new ComposedRecordInterceptor(interceptors);
        }
    }
}
