package io.microplatform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka side every service shares. It customizes Boot's producer and consumer factories and listener container
 * factory rather than replacing them, so every spring.kafka.* property keeps working:
 * <ul>
 * <li>values are JSON with logical type ids ({@link MessageJson}), keys are Boot's default strings (the order id);
 * <li>a record that cannot be read (malformed, of an unknown type, breaking its type's contract) goes to
 * {@code <topic>-dlt} at once, one whose handler keeps failing after bounded retries with back-off, and the consumer
 * goes on ({@link DeadLetters});
 * <li>every topic of {@link Topics} and its dead-letter topic exist before the listeners start.
 * </ul>
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class KafkaMessagingAutoConfiguration {

    /** Producer max.block.ms unless configured; a few seconds, see the producer customizer. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

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
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    // send() waits this long for metadata when the broker is away (Kafka's default: 60 s). The sweep
                    // sends inside a transaction holding row locks, the relay on its one thread: neither may hang
                    // for a minute per record; what failed is sent again by the next sweep
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis())));
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<Object, Object> messages = (DefaultKafkaProducerFactory<Object, Object>) factory;
            messages.setValueSerializer(json.valueSerializer());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer messagingConsumerFactoryCustomizer(MessageJson json, Environment env,
            MessagingProperties properties) {
        return factory -> {
            Map<String, Object> configured = factory.getConfigurationProperties();
            ConsumerBudget budget = budgetOf(configured, properties.consumer());
            int maxPollRecords = configured.containsKey(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)
                    ? Integer.parseInt(String.valueOf(configured.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)))
                    : budget.maxPollRecords();
            budget.violation(maxPollRecords).ifPresent(reason -> {
                throw new ConsumerBudget.ExceededException(reason);
            });
            Map<String, Object> defaults = new HashMap<>();
            // records per poll x the slowest handling of one stays within half of max.poll.interval.ms
            defaults.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
            // offsets are committed by the listener container, only for records whose listener returned (when:
            // spring.kafka.listener.ack-mode, once a second in platform-service-defaults.yml), never by the client's
            // own timer, which would also commit records still being handled
            defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // a new consumer group reads what was published before it first started instead of skipping it
            defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // all instances of a service share the work; listeners can still name their own group
            String application = env.getProperty("spring.application.name");
            if (application != null) {
                defaults.put(ConsumerConfig.GROUP_ID_CONFIG, application);
            }
            factory.updateConfigs(defaultsMissingFrom(configured, defaults));
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
        DeadLetters deadLetters = new DeadLetters(kafkaTemplate, metrics);
        MessagingProperties.Consumer settings = properties.consumer();
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(settings.retries());
        bounded.setInitialInterval(settings.initialBackoff().toMillis());
        bounded.setMultiplier(settings.backoffMultiplier());
        bounded.setMaxInterval(settings.maxBackoff().toMillis());
        // no limit on attempts or time: the same waits, capped at max-backoff (well below max.poll.interval.ms)
        ExponentialBackOff untilTheDependencyIsBack = new ExponentialBackOff(settings.initialBackoff().toMillis(),
                settings.backoffMultiplier());
        untilTheDependencyIsBack.setMaxInterval(settings.maxBackoff().toMillis());
        // DefaultErrorHandler already sends a DeserializationException to the recoverer at once: retrying cannot make
        // bad bytes readable. That covers every record MessageJson refuses to read: malformed, of an unknown type, or
        // breaking its type's contract
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, bounded);
        deadLetters.countingDeliveriesWith(handler);
        // a database restarting for a few seconds must not dead-letter every command and reply being handled: such
        // a record is retried until it succeeds and its partition waits (order kept). A record that then fails for
        // another reason starts over with the bounded retries (the handler resets its state when the exception
        // changes), so a poison record still reaches the dead-letter topic
        handler.setBackOffFunction((record, exception) -> Failures.fixedByRetrying(exception)
                ? untilTheDependencyIsBack : null);
        return handler;
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

    private static ConsumerBudget budgetOf(Map<String, Object> configured, MessagingProperties.Consumer settings) {
        Object interval = configured.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        Duration pollInterval = interval == null ? ConsumerBudget.KAFKA_POLL_INTERVAL
                : Duration.ofMillis(Long.parseLong(String.valueOf(interval)));
        return new ConsumerBudget(pollInterval, settings.maxHandlingTime(), settings.maxBackoff());
    }

    /** Our defaults for the keys the application did not set itself (through spring.kafka.* properties). */
    private static Map<String, Object> defaultsMissingFrom(Map<String, Object> configured, Map<String, Object> defaults) {
        Map<String, Object> missing = new HashMap<>(defaults);
        missing.keySet().removeAll(configured.keySet());
        return missing;
    }
}
