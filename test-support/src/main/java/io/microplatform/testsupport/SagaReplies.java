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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator's ear, for tests of saga participants: reads saga-replies from its end at creation, outside any consumer group, and parses each
 * record by its logical type id, as the orchestrator does.
 */
public final class SagaReplies implements AutoCloseable {

    private final TopicTail tail;
    private final ObjectMapper json;
    private final List<Reply> received = new CopyOnWriteArrayList<>();

    public SagaReplies(String bootstrapServers, ObjectMapper json) {
        this.json = json;
        tail = new TopicTail(bootstrapServers, Topics.SAGA_REPLIES);
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

    @Override
    public void close() {
        tail.close();
    }
}
