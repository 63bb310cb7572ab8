package io.microplatform.messaging;

import static io.microplatform.testsupport.TopicTail.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.Topics;
import io.microplatform.embedded.PostgresServer;
import io.microplatform.testsupport.SharedInfrastructure;
import io.microplatform.testsupport.TopicTail;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The service's database stops and starts again under a running consumer and relay. An application of its own, on a
 * PostgreSQL of its own (kept data directory, fixed port, so it can be restarted), with the settings every service
 * imports (platform-service-defaults.yml); the shared broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

    private static final String DATABASE = "messaging_outage_it";

    private static Path directory;
    private static PostgresServer postgres;
    private static int port;
    private static ConfigurableApplicationContext service;
    /** Failed deliveries per record key, as the consumer's error handler saw them. */
    private static final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTheServiceOnItsOwnDatabase() throws IOException {
        directory = Files.createTempDirectory("messaging-outage-it");
        postgres = PostgresServer.start(directory.resolve("data"), 0);
        port = postgres.port();
        postgres.ensureDatabase(DATABASE, DATABASE, DATABASE);
        service = new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                // command-line arguments: above the imported platform-service-defaults.yml
                .run("--spring.config.import=classpath:platform-service-defaults.yml",
                        "--spring.application.name=messaging-outage-it",
                        "--platform.database=" + DATABASE,
                        "--spring.datasource.url=" + postgres.jdbcUrl(DATABASE),
                        "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                        // the sweep only at start-up: whatever is published later was published by the relay
                        "--messaging.outbox.sweep-interval=1h",
                        // a delivery fails within 1 s while the database is away (3 s in the services)
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--spring.datasource.hikari.validation-timeout=500");
        service.getBean(DefaultErrorHandler.class).setRetryListeners((record, exception, attempt) ->
                failures.merge(String.valueOf(record.key()), 1, Integer::sum));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    @Test
    void connectionsFromThePoolCarryTheDatabaseTimeouts() {
        JdbcClient jdbc = service.getBean(JdbcClient.class);

        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("15s");
        assertThat(jdbc.sql("SHOW lock_timeout").query(String.class).single()).isEqualTo("5s");
        assertThat(jdbc.sql("SHOW idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("30s");
    }

    @Test
    void retriesACommandUntilTheDatabaseIsBackAndDeadLettersNothing() throws Exception {
        KafkaTemplate<String, Object> kafka = kafka();
        catchUpOnEveryPartition(kafka);
        ReserveStock command = reserveStock(UUID.randomUUID());
        String key = command.orderId().toString();

        try (TopicTail deadLetters = new TopicTail(bootstrapServers(), Topics.deadLetterTopicOf(Topics.INVENTORY_COMMANDS))) {
            stopDatabase();
            try {
                kafka.send(Topics.INVENTORY_COMMANDS, key, command).get();
                // more deliveries than messaging.consumer.retries (3) allow a record that keeps failing for good
                await().atMost(Duration.ofSeconds(90)).until(() -> failures.getOrDefault(key, 0) >= 5);
            }
            finally {
                startDatabase();
            }

            // ignoring the failures of the first queries, while the pool reconnects
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> reservations(command) == 1);
            assertThat(deadLetters.poll()).noneMatch(record -> key.equals(record.key()));
        }
    }

    @Test
    void recordsAnAcknowledgementTheDatabaseRefusedOnceTheDatabaseIsBack(CapturedOutput output) throws Exception {
        OrderPlaced placed = OutboxIT.placed(UUID.randomUUID());
        MessageJson.Encoded encoded = service.getBean(MessageJson.class).encode(placed);
        // committed, and not yet handed to the relay
        OutboxRecord row = service.getBean(TransactionTemplate.class).execute(status -> service.getBean(OutboxTable.class)
                .insert(Topics.ORDER_EVENTS, placed.orderId(), encoded.type(), encoded.json(), null, null));

        try (TopicTail orderEvents = new TopicTail(bootstrapServers(), Topics.ORDER_EVENTS)) {
            stopDatabase();
            try {
                service.getBean(OutboxRelay.class).publishSoon(row, Instant.now());
                await().atMost(Duration.ofSeconds(15)).until(() -> orderEvents.received(
                        record -> value(record).contains(placed.messageId().toString())));
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> output.getOut().contains("Could not record the broker's answer for"));
            }
            finally {
                startDatabase();
            }

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> published(row.id()));
            assertThat(orderEvents.poll()).filteredOn(record -> value(record).contains(placed.messageId().toString()))
                    .as("sent once").hasSize(1);
        }
    }

    /** Replays of earlier tests' records (a new consumer group reads from the start) are done before the outage. */
    private static void catchUpOnEveryPartition(KafkaTemplate<String, Object> kafka) throws Exception {
        List<ReserveStock> markers = IntStream.range(0, Topics.PARTITIONS).mapToObj(i -> reserveStock(UUID.randomUUID()))
                .toList();
        for (int partition = 0; partition < markers.size(); partition++) {
            ReserveStock marker = markers.get(partition);
            kafka.send(new ProducerRecord<>(Topics.INVENTORY_COMMANDS, partition, marker.orderId().toString(), marker))
                    .get();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> markers.stream().allMatch(marker -> reservations(marker) == 1));
    }

    private static void stopDatabase() {
        postgres.close();
    }

    private static void startDatabase() {
        postgres = PostgresServer.start(directory.resolve("data"), port);
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, Object> kafka() {
        return service.getBean(KafkaTemplate.class);
    }

    private static String bootstrapServers() {
        return SharedInfrastructure.kafka().bootstrapServers();
    }

    private static long reservations(ReserveStock command) {
        return service.getBean(JdbcClient.class).sql("SELECT count(*) FROM reservations WHERE message_id = ?")
                .param(command.messageId())
                .query(Long.class)
                .single();
    }

    private static boolean published(long id) {
        return service.getBean(JdbcClient.class).sql("SELECT published_at IS NOT NULL FROM outbox_messages WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private static ReserveStock reserveStock(UUID orderId) {
        return new ReserveStock(UUID.randomUUID(), orderId,
                List.of(new OrderLine("KEYBOARD-01", 1, new BigDecimal("49.90"))));
    }
}
