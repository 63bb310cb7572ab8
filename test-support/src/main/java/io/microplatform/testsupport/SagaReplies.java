package io.microplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator's ear, for tests of saga participants (its mouth is {@link SagaCommands}): reads saga-replies from
 * its end at the start of each test, outside any consumer group, and parses each record by its logical type id, as the
 * orchestrator does. A test class registers one for each test:
 * <pre>
 * &#64;RegisterExtension
 * final SagaReplies replies = SagaReplies.eachTest();
 * </pre>
 */
public final class SagaReplies implements BeforeEachCallback, AfterEachCallback {

    private final List<Reply> received = new CopyOnWriteArrayList<>();
    private final TopicTail tail = TopicTail.eachTest(Topics.SAGA_REPLIES);
    private ObjectMapper json;

    private SagaReplies() {
    }

    /**
     * Reads from the start of each test to its end, from the broker and with the ObjectMapper of the test's Spring
     * context: the replies to an earlier test's commands are never this test's.
     */
    public static SagaReplies eachTest() {
        return new SagaReplies();
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        received.clear();
        json = SpringExtension.getApplicationContext(test).getBean(ObjectMapper.class);
        tail.beforeEach(test);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        tail.afterEach(test);
    }

    /** Waits until at least count replies to the command arrived; returns all of them. */
    public List<Reply> awaitRepliesTo(UUID commandId, int count) {
        awaitUntil(() -> repliesTo(commandId).size() >= count);
        return repliesTo(commandId);
    }

    /** Waits until every command has a reply; returns the first reply to each, in the commands' order. */
    public List<Reply> awaitAReplyToEach(List<UUID> commandIds) {
        awaitUntil(() -> commandIds.stream().allMatch(commandId -> !repliesTo(commandId).isEmpty()));
        return commandIds.stream().map(commandId -> repliesTo(commandId).get(0)).toList();
    }

    public Reply awaitReplyTo(UUID commandId) {
        return awaitRepliesTo(commandId, 1).get(0);
    }

    public List<Reply> repliesTo(UUID commandId) {
        tail.pollNew().forEach(record -> received.add(read(TopicTail.value(record))));
        return received.stream().filter(reply -> reply.inReplyTo().equals(commandId)).toList();
    }

    /**
     * A command delivered twice has two replies that differ only in their message id: the participants' promise that
     * a redelivery changes nothing and is answered the same.
     */
    public static void assertIdentical(List<Reply> answers, Class<? extends Reply> type) {
        assertThat(answers).hasSize(2).allSatisfy(reply -> assertThat(reply).isInstanceOf(type));
        assertThat(answers.get(1)).usingRecursiveComparison().ignoringFields("messageId").isEqualTo(answers.get(0));
    }

    private static void awaitUntil(Callable<Boolean> condition) {
        // the consumer is not thread-safe; the first check at once, as the replies are often there already
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO).until(condition);
    }

    private Reply read(String value) {
        try {
            return (Reply) json.readValue(value, Message.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
