package io.microplatform.testsupport;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.microplatform.contracts.Command;
import io.microplatform.contracts.Topics;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The orchestrator's mouth, for tests of saga participants (its ear is {@link SagaReplies}): sends commands to one
 * participant's command topic keyed by order id, as the orchestrator does, with the KafkaTemplate of the test's Spring
 * context, and reads that topic's dead letters from the start of each test. A test class registers one for each test:
 * <pre>
 * &#64;RegisterExtension
 * final SagaCommands commands = SagaCommands.eachTest(Topics.PAYMENT_COMMANDS);
 * </pre>
 */
public final class SagaCommands implements BeforeEachCallback, AfterEachCallback {

    private final String topic;
    private final TopicTail deadLetters;
    private KafkaTemplate<String, Object> kafka;
    private MeterRegistry meters;

    private SagaCommands(String topic) {
        this.topic = topic;
        this.deadLetters = TopicTail.eachTest(Topics.deadLetterTopicOf(topic));
    }

    public static SagaCommands eachTest(String commandTopic) {
        return new SagaCommands(commandTopic);
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        ApplicationContext context = SpringExtension.getApplicationContext(test);
        kafka = kafkaTemplate(context);
        meters = context.getBean(MeterRegistry.class);
        deadLetters.beforeEach(test);
    }

    /** Boot declares its KafkaTemplate as KafkaTemplate<?, ?>, which a lookup by the generic type does not find. */
    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, Object> kafkaTemplate(ApplicationContext context) {
        return context.getBean(KafkaTemplate.class);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        deadLetters.afterEach(test);
    }

    /** Sends and waits until the broker has it. */
    public void send(Command command) {
        sendAsync(command).join();
    }

    public CompletableFuture<SendResult<String, Object>> sendAsync(Command command) {
        return kafka.send(topic, command.orderId().toString(), command);
    }

    /**
     * Sends every command before waiting for any, so that the participant's listener threads race for the same rows;
     * returns the partitions they landed on (a race wants more than one).
     */
    public Set<Integer> sendAllAtOnce(List<? extends Command> commands) {
        List<CompletableFuture<SendResult<String, Object>>> sent = commands.stream().map(this::sendAsync).toList();
        return sent.stream().map(result -> result.join().getRecordMetadata().partition()).collect(toSet());
    }

    /** Waits until every command's order has a record on the dead-letter topic: the participant gave up on them. */
    public void awaitDeadLettered(List<? extends Command> commands) {
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> commands.stream()
                .allMatch(command -> !deadLetters.withKey(command.orderId()).isEmpty()));
    }

    public void awaitDeadLettered(Command command) {
        awaitDeadLettered(List.of(command));
    }

    /**
     * Sends the command with its order's third party down (every call answered 500) and waits until the participant
     * gave up on it: retried by resilience4j, then by the Kafka consumer, then dead-lettered. Asserts that the failed
     * calls opened the breaker, minimum-number-of-calls of them, more if successes of other orders of the shared
     * context share its window; that every call that reached the third party was one of them, none came later; and
     * that the open breaker rejected the attempts after them.
     */
    public void sendWhileTheThirdPartyIsDown(Command command, ScriptedThirdParty thirdParty, CircuitBreaker breaker) {
        thirdParty.alwaysAnswer(command.orderId(), 500);

        send(command);

        awaitDeadLettered(command);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(thirdParty.callsFor(command.orderId()))
                .isGreaterThanOrEqualTo(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls())
                .isEqualTo(breaker.getMetrics().getNumberOfFailedCalls());
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isPositive();
    }

    /** The timers of the listeners' observation, one per outcome: none before the first delivery. */
    public Collection<Timer> listenerTimers() {
        return meters.find("spring.kafka.listener").timers();
    }

    /**
     * Deliveries whose handler threw, so far, from the listeners' observation timers (their error tag is "none"
     * otherwise): a delivery that failed and was retried shows here.
     */
    public double failedDeliveries() {
        return listenerTimers().stream()
                .filter(timer -> !"none".equals(timer.getId().getTag("error")))
                .mapToDouble(Timer::count)
                .sum();
    }
}
