package io.microplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Which beans appear when; no broker or database is contacted. */
class MessagingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    KafkaMessagingAutoConfiguration.class, OutboxAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            // the sweep's run at start-up fails on the mock DataSource and logs a warning; there is no second one
            .withPropertyValues("spring.application.name=orders", "spring.kafka.admin.auto-create=false",
                    "messaging.outbox.sweep-interval=1h");

    @Test
    void configuresBootsKafkaFactoriesForLogicalTypeIdsAndDeadLetters() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DefaultErrorHandler.class);
            DefaultKafkaProducerFactory<?, ?> producers = context.getBean(DefaultKafkaProducerFactory.class);
            assertThat(producers.getValueSerializer()).isInstanceOf(DelegatingByTypeSerializer.class);
            assertThat(producers.getConfigurationProperties())
                    .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
            assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
            assertThat(consumers.getConfigurationProperties())
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                    .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "orders");
        });
    }

    @Test
    void keepsWhatTheServiceConfiguredItself() {
        runner.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest",
                        "spring.kafka.consumer.group-id=custom")
                .withBean("loggingErrorHandler", CommonErrorHandler.class, CommonLoggingErrorHandler::new)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DefaultErrorHandler.class);
                    assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                            .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                            .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "custom");
                });
    }

    @Test
    void offersTheOutboxOnlyWithADataSource() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Outbox.class)
                .doesNotHaveBean(ProcessedMessages.class));
        runner.withBean(DataSource.class, () -> mock(DataSource.class))
                .run(context -> assertThat(context).hasSingleBean(Outbox.class).hasSingleBean(ProcessedMessages.class)
                        .hasSingleBean(TraceParents.class));
    }

    @Test
    void worksWithoutMicrometerTracingOnTheClasspath() {
        runner.withBean(DataSource.class, () -> mock(DataSource.class))
                .withClassLoader(new FilteredClassLoader(Tracer.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Outbox.class)
                        .doesNotHaveBean(TraceParents.class));
    }
}
