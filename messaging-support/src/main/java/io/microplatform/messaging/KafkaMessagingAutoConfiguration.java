package io.microplatform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The Kafka side every service shares. It customizes Boot's producer and consumer factories and listener container
 * factory rather than replacing them, so every spring.kafka.* property keeps working:
 * <ul>
 * <li>values are JSON with logical type ids ({@link MessageJson}), keys are Boot's default strings (the order id);
 * <li>a record that cannot be read, or keeps failing, goes to {@code <topic>-dlt} after bounded retries with
 * back-off, and the consumer goes on;
 * <li>every topic of {@link Topics} and its dead-letter topic exist before the listeners start.
 * </ul>
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class KafkaMessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingAutoConfiguration.class);

    @Bean
    MessageJson messageJson(ObjectProvider<ObjectMapper> objectMapper) {
        return new MessageJson(objectMapper.getIfUnique(() -> JsonMapper.builder().findAndAddModules().build()));
    }

    @Bean
    MessagingMetrics messagingMetrics(ObjectProvider<MeterRegistry> registry) {
        return new MessagingMetrics(registry.getIfUnique(() -> Metrics.globalRegistry));
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer messagingProducerFactoryCustomizer(MessageJson json) {
        return factory -> {
            factory.updateConfigs(defaultsMissingFrom(factory.getConfigurationProperties(), Map.of(
                    // the broker has the record on every in-sync replica before the outbox marks it published
                    ProducerConfig.ACKS_CONFIG, "all",
                    // a retried send cannot write a record twice or reorder an order's messages
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)));
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<Object, Object> messages = (DefaultKafkaProducerFactory<Object, Object>) factory;
            messages.setValueSerializer(json.valueSerializer());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer messagingConsumerFactoryCustomizer(MessageJson json, Environment env) {
        return factory -> {
            Map<String, Object> defaults = new HashMap<>();
            // offsets are committed by the listener container after the listener returned, never on a timer
            defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // a new consumer group reads what was published before it first started instead of skipping it
            defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // all instances of a service share the work; listeners can still name their own group
            String application = env.getProperty("spring.application.name");
            if (application != null) {
                defaults.put(ConsumerConfig.GROUP_ID_CONFIG, application);
            }
            factory.updateConfigs(defaultsMissingFrom(factory.getConfigurationProperties(), defaults));
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<Object, Message> messages = (DefaultKafkaConsumerFactory<Object, Message>) factory;
            messages.setValueDeserializer(json.valueDeserializer());
        };
    }

    /** Boot's listener container factory uses the single CommonErrorHandler bean. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler messagingErrorHandler(KafkaTemplate<?, ?> kafkaTemplate, MessagingProperties properties,
            MessagingMetrics metrics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                // the same partition of the dead-letter topic, so an order's dead letters stay in order too
                (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), record.partition()));
        ConsumerAwareRecordRecoverer counted = (record, consumer, exception) -> {
            deadLetters.accept(record, consumer, exception);
            metrics.deadLettered(record.topic());
            // the error handler itself says nothing when the recoverer succeeds
            log.warn("Sent record {}-{}@{} (key {}) to its dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), NestedExceptionUtils.getMostSpecificCause(exception).toString());
        };
        MessagingProperties.Consumer settings = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(settings.backoffMultiplier());
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        // DefaultErrorHandler already sends DeserializationException and other unreadable-record failures to the
        // recoverer at once: retrying cannot make bad bytes readable
        return new DefaultErrorHandler(counted, backOff);
    }

    /** Created by Boot's KafkaAdmin at start-up; existing topics are left as they are. */
    @Bean
    KafkaAdmin.NewTopics messagingTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            for (String name : List.of(topic, Topics.deadLetterTopicOf(topic))) {
                topics.add(TopicBuilder.name(name)
                        .partitions(Topics.PARTITIONS)
                        .replicas(properties.topics().replicationFactor())
                        .build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Our defaults for the keys the application did not set itself (through spring.kafka.* properties). */
    private static Map<String, Object> defaultsMissingFrom(Map<String, Object> configured, Map<String, Object> defaults) {
        Map<String, Object> missing = new HashMap<>(defaults);
        missing.keySet().removeAll(configured.keySet());
        return missing;
    }
}
