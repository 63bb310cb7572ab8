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
import org.springframework.boot.diagnostics.FailureAnalysis;
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
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                    .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
            assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
            assertThat(consumers.getConfigurationProperties())
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                    .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "orders")
                    // 2 s per record at worst (messaging.consumer.max-handling-time): 75 fit half of 5 minutes
                    .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 75);
        });
    }

    @Test
    void pollsFewerRecordsForASlowHandler() {
        runner.withPropertyValues("messaging.consumer.max-handling-time=10s").run(context ->
                assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 15));
        runner.withPropertyValues("messaging.consumer.max-handling-time=10s",
                        "spring.kafka.consumer.properties[max.poll.interval.ms]=600000")
                .run(context -> assertThat(context.getBean(DefaultKafkaConsumerFactory.class)
                        .getConfigurationProperties()).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 30));
    }

    @Test
    void refusesToStartAConsumerThatWouldBeThrownOutOfItsGroup() {
        runner.withPropertyValues("messaging.consumer.max-handling-time=10s", "spring.kafka.consumer.max-poll-records=500")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    FailureAnalysis analysis = new ConsumerBudgetFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).startsWith("max.poll.records (500) x "
                            + "messaging.consumer.max-handling-time (10s) = 1h23m20s exceeds").doesNotContain("\n");
                });
    }

    @Test
    void keepsWhatTheServiceConfiguredItself() {
        runner.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest",
                        "spring.kafka.consumer.group-id=custom", "spring.kafka.consumer.max-poll-records=20",
                        "spring.kafka.producer.properties[max.block.ms]=1000")
                .withBean("loggingErrorHandler", CommonErrorHandler.class, CommonLoggingErrorHandler::new)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DefaultErrorHandler.class);
                    assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                            .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                            .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "custom")
                            .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
                    assertThat(context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
                            .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
                });
    }

    @Test
    void offersTheOutboxOnlyWithADataSource() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Outbox.class)
                .doesNotHaveBean(Duplicates.class));
        runner.withBean(DataSource.class, () -> mock(DataSource.class))
                .run(context -> assertThat(context).hasSingleBean(Outbox.class).hasSingleBean(Duplicates.class)
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
