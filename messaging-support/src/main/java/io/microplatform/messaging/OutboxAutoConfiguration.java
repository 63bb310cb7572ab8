package io.microplatform.messaging;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox, the order's causal history and the duplicates counter of idempotent consumers, on the
 * service's DataSource. Their tables come with the Flyway repeatable migration db/migration/R__messaging_support.sql,
 * which every service's Flyway picks up.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, KafkaMessagingAutoConfiguration.class })
@ConditionalOnClass({ KafkaTemplate.class, JdbcClient.class })
@ConditionalOnBean({ KafkaTemplate.class, DataSource.class, MessageJson.class })
public class OutboxAutoConfiguration {

    @Bean
    OutboxTable outboxTable(DataSource dataSource) {
        return new OutboxTable(JdbcClient.create(dataSource));
    }

    @Bean
    Outbox outbox(OutboxTable table, OutboxRelay relay, MessageJson json, ObjectProvider<TraceParents> traceParents,
            CausalClocks clocks) {
        return new Outbox(table, relay, json, traceParents.getIfAvailable(() -> TraceParents.NONE), clocks);
    }

    @Bean
    CommandReplies commandReplies(Outbox outbox) {
        return new CommandReplies(outbox);
    }

    /**
     * Boot's listener container factory applies a RecordInterceptor bean only when it is the only one (or primary):
     * service-support's primary composite applies this one together with its own.
     */
    @Bean
    ReceivedClocks receivedClocks() {
        return new ReceivedClocks();
    }

    @Bean
    CausalClocks causalClocks(DataSource dataSource, ReceivedClocks received, Environment environment) {
        String service = environment.getProperty("spring.application.name");
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("messaging-support names this service's vector clock entry after "
                    + "spring.application.name, which is not set");
        }
        return new CausalClocks(JdbcClient.create(dataSource), service, received);
    }

    @Bean
    CausalHistory causalHistory(DataSource dataSource, CausalClocks clocks) {
        return new CausalHistory(JdbcClient.create(dataSource), clocks);
    }

    @Bean
    Duplicates duplicates(MessagingMetrics metrics) {
        return new Duplicates(metrics);
    }

    @Bean
    SendOutcomes sendOutcomes(OutboxTable table, MessagingProperties properties) {
        return new SendOutcomes(table, properties.outbox().maxAttempts());
    }

    @Bean
    OutboxRelay outboxRelay(KafkaTemplate<String, Object> kafkaTemplate, SendOutcomes outcomes,
            MessagingMetrics metrics, ObjectProvider<TraceParents> traceParents, MessagingProperties properties) {
        return new OutboxRelay(kafkaTemplate, outcomes, metrics, traceParents.getIfAvailable(() -> TraceParents.NONE),
                properties.outbox().gracePeriod());
    }

    /**
     * The sweep's transactions only touch outbox and vector clock rows, so they run on a plain JDBC transaction
     * manager of their own, whatever transaction manager (JPA or JDBC) the service uses.
     */
    @Bean
    OutboxSweeper outboxSweeper(DataSource dataSource, OutboxTable table, OutboxRelay relay, SendOutcomes outcomes,
            CausalClocks clocks, MessagingMetrics metrics, MessagingProperties properties) {
        return new OutboxSweeper(new TransactionTemplate(new DataSourceTransactionManager(dataSource)), table, relay,
                outcomes, clocks, metrics, properties);
    }

    /** Only when Micrometer Tracing is on the classpath; its beans are looked up when they are needed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new MicrometerTraceParents(tracer, propagator);
        }
    }
}
