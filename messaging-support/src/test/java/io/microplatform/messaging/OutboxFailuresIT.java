package io.microplatform.messaging;

import static io.microplatform.testsupport.TopicTail.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.Topics;
import io.microplatform.testsupport.TopicTail;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox does when sends fail: rows the broker refuses are parked and never hold up the others, an
 * unreachable broker parks nothing, an acknowledgement is recorded however busy the relay is. The scheduled sweep
 * is stopped meanwhile: each test drives sweeps of its own, with settings of its own.
 */
@MessagingIntegrationTest
class OutboxFailuresIT {

    /**
     * A topic whose records may not exceed 10 KiB: the broker itself refuses anything larger. The records sent to it
     * are larger than the producer's batch.size (16 KiB), so each travels alone: a batch of several records the
     * broker refuses as too large is split and retried by the producer until delivery.timeout.ms (KAFKA-8350), and
     * never answered within the sweep's send timeout.
     */
    private static final String SMALL_RECORDS = "outbox-it-small-records";

    @Autowired
    OutboxSweeper scheduledSweeper;
    @Autowired
    OutboxTable table;
    @Autowired
    OutboxRelay relay;
    @Autowired
    SendOutcomes outcomes;
    @Autowired
    CausalClocks clocks;
    @Autowired
    MessagingMetrics metrics;
    @Autowired
    MessagingProperties properties;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    MessageJson json;
    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final TopicTail orderEvents = TopicTail.eachTest(Topics.ORDER_EVENTS);

    @BeforeEach
    void stopTheScheduledSweep() {
        scheduledSweeper.stop();
        admin.createOrModifyTopics(TopicBuilder.name(SMALL_RECORDS).partitions(1).replicas(1)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "10240")
                .build());
    }

    @AfterEach
    void restartTheScheduledSweep() {
        scheduledSweeper.start();
    }

    @Test
    void parksARowTheBrokerKeepsRefusingWithoutHoldingUpTheRowsBehindIt() {
        // a day old, so no row another test left behind comes before them
        List<Long> tooLarge = IntStream.range(0, 3)
                .mapToObj(i -> insertRow(SMALL_RECORDS, "{\"padding\":\"" + "x".repeat(20_000) + "\"}", i))
                .toList();
        OrderPlaced behind = OutboxIT.placed(UUID.randomUUID());
        long behindId = insertRow(Topics.ORDER_EVENTS, json.encode(behind).json(), 10);
        OutboxSweeper sweeper = sweeper(relay, 2, 5);

        try {
            // the first sweep takes two refused rows; the next one the third and the row behind, not the same two
            // again
            sweeper.sweep();
            sweeper.sweep();

            assertThat(row(behindId).publishedAt()).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> orderEvents.received(
                    record -> value(record).contains(behind.messageId().toString())));

            for (int sweeps = 0; sweeps < 20 && tooLarge.stream().anyMatch(id -> row(id).parkedAt() == null); sweeps++) {
                sweeper.sweep();
            }
            assertThat(tooLarge).extracting(this::row).allSatisfy(row -> {
                assertThat(row.parkedAt()).isNotNull();
                assertThat(row.refusals()).isEqualTo(5);
                assertThat(row.lastError()).contains("RecordTooLargeException");
                assertThat(row.publishedAt()).isNull();
            });
            sweeper.tidy();
            assertThat(meters.get("outbox.parked").gauge().value()).as("refreshed by housekeeping")
                    .isGreaterThanOrEqualTo(3);

            sweeper.sweep();
            assertThat(tooLarge).extracting(this::row).extracting(Row::attempts).as("never sent again")
                    .containsOnly(5);
        }
        finally {
            delete(tooLarge);
            delete(List.of(behindId));
        }
    }

    @Test
    void neverParksARowWhileTheBrokerIsUnreachable() throws IOException {
        long id = insertRow(Topics.ORDER_EVENTS, json.encode(OutboxIT.placed(UUID.randomUUID())).json(), 0);
        DefaultKafkaProducerFactory<String, Object> unreachable = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        OutboxRelay relayToNowhere = new OutboxRelay(new KafkaTemplate<>(unreachable), outcomes, metrics,
                TraceParents.NONE, properties.outbox().gracePeriod());
        // one refusal would park it
        OutboxSweeper sweeper = sweeper(relayToNowhere, 1, 1);

        try {
            // rows other tests left unpublished may go first (fewest attempts first): sweep until this one was tried
            // three times
            for (int sweeps = 0; sweeps < 30 && row(id).attempts() < 3; sweeps++) {
                sweeper.sweep();
            }

            Row row = row(id);
            assertThat(row.attempts()).isGreaterThanOrEqualTo(3);
            assertThat(row.refusals()).isZero();
            assertThat(row.parkedAt()).isNull();
            assertThat(row.lastError()).contains("TimeoutException");
        }
        finally {
            unreachable.destroy();
            delete(List.of(id));
        }
    }

    @Test
    void recordsTheAcknowledgementOfARowSentWhileTheRelaysQueueIsFull() throws Exception {
        List<OutboxRecord> rows = IntStream.range(0, 3)
                .mapToObj(i -> record(insertRow(Topics.ORDER_EVENTS, json.encode(OutboxIT.placed(UUID.randomUUID())).json(), 0)))
                .toList();
        HoldAfterAcknowledgement holding = new HoldAfterAcknowledgement();
        // room for one waiting row
        OutboxRelay busyRelay = new OutboxRelay(kafka, outcomes, metrics, holding, Duration.ofMinutes(1), 1);

        try {
            busyRelay.publishSoon(holding.holdAfter(rows.get(0)), Instant.now());
            holding.acknowledged.await();
            // the relay thread is busy with the first row, whose acknowledgement has arrived: the queue fills up
            busyRelay.publishSoon(rows.get(1), Instant.now());
            busyRelay.publishSoon(rows.get(2), Instant.now());
            holding.release.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> row(rows.get(0).id()).publishedAt() != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> row(rows.get(1).id()).publishedAt() != null);
            // dropped by the full queue: left for the sweep, which is how the relay is meant to shed load
            assertThat(row(rows.get(2).id()).publishedAt()).isNull();
        }
        finally {
            holding.release.countDown();
            busyRelay.destroy();
            delete(rows.stream().map(OutboxRecord::id).toList());
        }
    }

    private OutboxSweeper sweeper(OutboxRelay sendingRelay, int batchSize, int maxAttempts) {
        MessagingProperties.Outbox outbox = properties.outbox();
        MessagingProperties settings = new MessagingProperties(new MessagingProperties.Outbox(outbox.sweepInterval(),
                Duration.ZERO, batchSize, outbox.sendTimeout(), outbox.retention(), maxAttempts,
                outbox.housekeepingInterval()),
                properties.consumer(), properties.topics());
        SendOutcomes counting = new SendOutcomes(table, maxAttempts);
        return new OutboxSweeper(new TransactionTemplate(new DataSourceTransactionManager(dataSource)), table,
                sendingRelay, counting, clocks, metrics, settings);
    }

    /** A committed row, created {@code millis} ms after a moment a day ago. */
    private long insertRow(String topic, String payload, int millis) {
        return jdbc.sql("""
                INSERT INTO outbox_messages (topic, message_key, message_type, payload, created_at)
                VALUES (?, ?, 'test.Message', ?, clock_timestamp() - interval '1 day' + ? * interval '1 millisecond')
                RETURNING id""")
                .params(topic, UUID.randomUUID(), payload, millis)
                .query(Long.class)
                .single();
    }

    private OutboxRecord record(long id) {
        return jdbc.sql("""
                SELECT id, topic, message_key, message_type, payload, created_at FROM outbox_messages WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new OutboxRecord(rs.getLong("id"), rs.getString("topic"),
                        rs.getObject("message_key", UUID.class), rs.getString("message_type"), rs.getString("payload"),
                        null, null, Instant.now()))
                .single();
    }

    private Row row(long id) {
        return jdbc.sql("SELECT published_at, parked_at, attempts, refusals, last_error FROM outbox_messages WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject("published_at"), rs.getObject("parked_at"), rs.getInt("attempts"),
                        rs.getInt("refusals"), rs.getString("last_error")))
                .single();
    }

    private void delete(List<Long> ids) {
        jdbc.sql("DELETE FROM outbox_messages WHERE id IN (:ids)").param("ids", ids).update();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    record Row(Object publishedAt, Object parkedAt, int attempts, int refusals, String lastError) {
    }

    /**
     * Keeps the relay thread busy after one chosen send, until that send's acknowledgement has arrived and the test
     * releases it: what a relay thread stuck behind a slow producer looks like to the rows queued behind it.
     */
    private static final class HoldAfterAcknowledgement implements TraceParents {

        private static final String HOLD = "00-00000000000000000000000000000001-0000000000000001-00";

        final CountDownLatch acknowledged = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        OutboxRecord holdAfter(OutboxRecord record) {
            return new OutboxRecord(record.id(), record.topic(), record.key(), record.type(), record.payload(), HOLD,
                    null, record.createdAt());
        }

        @Override
        public String current() {
            return null;
        }

        @Override
        public <T> T continuing(String traceParent, Supplier<T> send) {
            T sent = send.get();
            if (HOLD.equals(traceParent)) {
                ((CompletableFuture<?>) sent).join();
                acknowledged.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sent;
        }
    }
}
