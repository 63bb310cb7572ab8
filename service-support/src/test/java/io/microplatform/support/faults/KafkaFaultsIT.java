package io.microplatform.support.faults;

import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka faults on a real @KafkaListener against test-support's embedded broker, through Boot's container factory. */
@SpringBootTest(classes = KafkaFaultsIT.App.class, webEnvironment = WebEnvironment.NONE, properties = {
        "spring.application.name=kafka-faults", "platform.faults.enabled=true", "platform.faults.token=s3cret",
        "spring.kafka.consumer.auto-offset-reset=earliest" })
@EmbeddedInfrastructure
class KafkaFaultsIT {

    static final String TOPIC = "faults-it-commands";

    @Autowired
    private FaultRules rules;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private MeterRegistry meters;

    @AfterEach
    void clearRules() {
        rules.clear();
    }

    @Test
    void deliversARecordTwiceToTheHandlerWithDuplicateDelivery() {
        rules.add(rule("test.Ping", 0, false, true, false));

        String ping = send("test.Ping");
        String other = send("test.Other");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> App.RECORDS.handled(ping) == 2 && App.RECORDS.handled(other) == 1);
        assertThat(injected("test.Ping", "duplicate")).isEqualTo(1.0);
    }

    @Test
    void failsTheHandlerWithoutRunningItAtErrorRateOne() {
        rules.add(rule("test.Fail", 1.0, false, false, false));

        String failing = send("test.Fail");

        await().atMost(Duration.ofSeconds(30)).until(() -> injected("test.Fail", "error") >= 3);
        assertThat(App.RECORDS.handled(failing)).isZero();
        rules.clear();
        String after = send("test.Fail");
        await().atMost(Duration.ofSeconds(30)).until(() -> App.RECORDS.handled(after) == 1);
    }

    /** The same keys fail every time, the others are handled: an unprocessable message for some orders only. */
    @Test
    void failsOnlyTheRecordsOfTheRulesShareOfKeys() {
        FaultRule every = rule("test.Share", 1.0, false, false, false);
        FaultRule half = new FaultRule(every.id(), every.target(), every.latency(), every.jitter(), every.errorRate(),
                every.errorStatus(), false, false, false, null, 0.5, every.createdAt());
        rules.add(half);

        List<String> sent = IntStream.range(0, 20).mapToObj(i -> send("test.Share")).toList();
        List<String> covered = sent.stream().filter(half::coversKey).toList();

        await().atMost(Duration.ofSeconds(60)).until(() -> sent.stream().filter(key -> !covered.contains(key))
                .allMatch(key -> App.RECORDS.handled(key) == 1));
        assertThat(covered).isNotEmpty().hasSizeLessThan(sent.size()).allMatch(key -> App.RECORDS.handled(key) == 0);
    }

    @Test
    void redeliversARecordWhoseHandlerRanButCrashedBeforeAcknowledging() {
        rules.add(rule("test.Crash", 0, false, false, true));

        String crashing = send("test.Crash");

        // runs, is not acknowledged, arrives again and runs again: an idempotent handler must cope
        await().atMost(Duration.ofSeconds(30)).until(() -> App.RECORDS.handled(crashing) == 2);
        assertThat(injected("test.Crash", "crash-before-ack")).isEqualTo(1.0);
    }

    private FaultRule rule(String type, double errorRate, boolean refuse, boolean duplicate, boolean crash) {
        return new FaultRule(UUID.randomUUID().toString(), new FaultRule.Target(FaultRule.TargetType.KAFKA, type),
                Duration.ZERO, Duration.ZERO, errorRate, 503, refuse, duplicate, crash, null, 1.0, Instant.now().toString());
    }

    private String send(String type) {
        return App.RECORDS.send(kafka, type);
    }

    private double injected(String type, String effect) {
        return TypedRecordTopic.injected(meters, "kafka", type, effect);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(App.Listener.class)
    static class App {

        static final TypedRecordTopic RECORDS = new TypedRecordTopic(TOPIC);

        @Bean
        NewTopic faultsTopic() {
            return RECORDS.newTopic();
        }

        /** Retried with back-off, then given up on (services send it to the DLT). */
        @Bean
        CommonErrorHandler errorHandler() {
            return TypedRecordTopic.redeliveringErrorHandler();
        }

        static class Listener {

            @KafkaListener(topics = TOPIC, groupId = "kafka-faults")
            void on(String value) {
                RECORDS.handling(value);
            }
        }
    }

}
