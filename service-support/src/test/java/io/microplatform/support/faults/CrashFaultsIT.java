package io.microplatform.support.faults;

import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.support.faults.FaultRule.Crash;
import io.microplatform.support.faults.FaultRule.Target;
import io.microplatform.support.faults.FaultRule.TargetType;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash rules on a real @KafkaListener and a real route, whose transactions run through the transaction manager Boot
 * configures, against the embedded PostgreSQL and Kafka. The JVM's halt is replaced by one that notes what was
 * committed at that moment (read on a connection of its own) and returns; the thread then unwinds as if the process
 * had stopped there, and the record's redelivery stands for the one a restarted instance would get.
 */
@SpringBootTest(classes = CrashFaultsIT.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=crash-faults", "platform.faults.enabled=true", "platform.faults.token=s3cret",
        "spring.kafka.consumer.auto-offset-reset=earliest" })
@EmbeddedInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class CrashFaultsIT {

    static final String TOPIC = "crash-faults-commands";

    @Autowired
    private FaultRules rules;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private App.RecordingHalt halts;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void createTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS crash_effects (value text PRIMARY KEY)").update();
    }

    @AfterEach
    void clearRules() {
        rules.clear();
        halts.committedAtHalt.clear();
    }

    @Test
    void haltsBeforeTheCommitSoNothingIsCommittedAndTheRecordComesAgain(CapturedOutput output) {
        FaultRule rule = rules.add(rule(TargetType.KAFKA, "test.Before", Crash.BEFORE_COMMIT));

        String value = send("test.Before");

        // the redelivery a restarted instance would get is handled normally: the rule crashes once
        await().atMost(Duration.ofSeconds(30))
                .until(() -> App.RECORDS.handled(value) == 2 && App.PUBLISHED.contains(value));
        assertThat(halts.committedAtHalt).hasSize(1);
        assertThat(halts.committedAtHalt.get(0)).doesNotContain(value);
        assertThat(App.PUBLISHED).containsOnlyOnce(value);
        assertThat(injected(TargetType.KAFKA, "test.Before")).isEqualTo(1.0);
        assertThat(output).contains("Fault injection HALTS this JVM now", "crash before-commit by rule " + rule.id(),
                "test.Before", "nothing of it is committed", "delivered again after the restart");

        String next = send("test.Before");
        await().atMost(Duration.ofSeconds(30)).until(() -> committed().contains(next));
        assertThat(App.RECORDS.handled(next)).isEqualTo(1);
        assertThat(halts.committedAtHalt).hasSize(1);
    }

    @Test
    void haltsAfterTheCommitBeforeAnythingRegisteredAfterItRuns() {
        rules.add(rule(TargetType.KAFKA, "test.After", Crash.AFTER_COMMIT));

        String value = send("test.After");

        await().atMost(Duration.ofSeconds(30)).until(() -> App.RECORDS.handled(value) == 2);
        assertThat(halts.committedAtHalt).hasSize(1);
        assertThat(halts.committedAtHalt.get(0)).contains(value);
        // the handler's afterCommit (where messaging-support's outbox hands its rows to the relay) never ran; the
        // redelivery found the effect stored and had nothing to publish: after a real restart the outbox sweep would
        assertThat(App.PUBLISHED).doesNotContain(value);
        assertThat(committed()).containsOnlyOnce(value);
        assertThat(injected(TargetType.KAFKA, "test.After")).isEqualTo(1.0);
    }

    @Test
    void haltsAnHttpRequestBeforeItsTransactionCommits() throws Exception {
        rules.add(rule(TargetType.INBOUND_HTTP, "/api/things/**", Crash.BEFORE_COMMIT));
        String value = "http-" + UUID.randomUUID();

        // a real client gets no answer at all; here the unwinding thread answers 500
        assertThat(post(value)).isEqualTo(500);

        assertThat(halts.committedAtHalt).hasSize(1);
        assertThat(halts.committedAtHalt.get(0)).doesNotContain(value);
        assertThat(committed()).doesNotContain(value);
        assertThat(injected(TargetType.INBOUND_HTTP, "/api/things/**")).isEqualTo(1.0);
    }

    @Test
    void leavesAHandlingAloneThatCommitsNoReadWriteTransaction(CapturedOutput output) throws Exception {
        FaultRule rule = rules.add(rule(TargetType.INBOUND_HTTP, "/api/things/**", Crash.AFTER_COMMIT));
        String value = "http-" + UUID.randomUUID();

        // a read-only transaction has nothing to crash before or after: the rule stays armed for the next write
        assertThat(get(value)).isEqualTo(200);
        assertThat(halts.committedAtHalt).isEmpty();
        // logged when the handling ends, which the client may see a moment before
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("Fault not injected: crash on"
                + " inbound-http:/api/things/** (GET /api/things/" + value + ") by rule " + rule.id()
                + ": the handling committed no read-write transaction"));

        assertThat(post(value)).isEqualTo(500);
        assertThat(halts.committedAtHalt).hasSize(1);
        assertThat(halts.committedAtHalt.get(0)).contains(value);
        assertThat(App.PUBLISHED).doesNotContain(value);
    }

    private static FaultRule rule(TargetType type, String name, Crash crash) {
        return new FaultRule(UUID.randomUUID().toString(), new Target(type, name), Duration.ZERO, Duration.ZERO, 0,
                503, false, false, false, crash, 1.0, Instant.now().toString());
    }

    private String send(String type) {
        return App.RECORDS.send(kafka, type);
    }

    private int post(String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/things/" + value))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/things/" + value)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> committed() {
        return jdbc.sql("SELECT value FROM crash_effects").query(String.class).list();
    }

    private double injected(TargetType type, String target) {
        return TypedRecordTopic.injected(meters, type.wireName(), target, "crash");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ App.Effects.class, App.Listener.class, App.Things.class })
    static class App {

        static final TypedRecordTopic RECORDS = new TypedRecordTopic(TOPIC);
        /** What the handlers' after-commit work saw, as messaging-support's relay would be handed an outbox row. */
        static final List<String> PUBLISHED = new CopyOnWriteArrayList<>();

        @Bean
        NewTopic crashFaultsTopic() {
            return RECORDS.newTopic();
        }

        /** A failed record is delivered again after a short back-off. */
        @Bean
        CommonErrorHandler errorHandler() {
            return TypedRecordTopic.redeliveringErrorHandler();
        }

        /** No pool on this module's test classpath, so Boot makes no DataSource: the embedded PostgreSQL's, plainly. */
        @Bean
        DataSource dataSource(DataSourceProperties properties) {
            return properties.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
        }

        @Bean
        RecordingHalt recordingHalt(DataSource dataSource) {
            return new RecordingHalt(dataSource);
        }

        /** Instead of halting: notes what another connection sees committed at that moment, then returns. */
        static final class RecordingHalt implements ProcessHalt {

            final List<Set<String>> committedAtHalt = new CopyOnWriteArrayList<>();
            private final DataSource dataSource;

            RecordingHalt(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            @Override
            public void halt() {
                // a connection of its own, not the one the halted transaction holds on this thread
                try (Connection connection = dataSource.getConnection();
                        ResultSet rows = connection.createStatement().executeQuery("SELECT value FROM crash_effects")) {
                    Set<String> committed = new HashSet<>();
                    while (rows.next()) {
                        committed.add(rows.getString(1));
                    }
                    committedAtHalt.add(committed);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /**
         * The effect, written once per value in a read-write transaction, with after-commit work registered the way
         * messaging-support's Outbox does; and a read of it in a read-only transaction.
         */
        static class Effects {

            private final TransactionTemplate transactions;
            private final TransactionTemplate readOnly;
            private final JdbcClient jdbc;

            Effects(TransactionTemplate transactions, JdbcClient jdbc) {
                this.transactions = transactions;
                this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
                this.readOnly.setReadOnly(true);
                this.jdbc = jdbc;
            }

            void apply(String value) {
                transactions.executeWithoutResult(status -> {
                    int inserted = jdbc.sql("INSERT INTO crash_effects (value) VALUES (?) ON CONFLICT DO NOTHING")
                            .param(value).update();
                    if (inserted == 1) {
                        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                PUBLISHED.add(value);
                            }
                        });
                    }
                });
            }

            Integer count(String value) {
                return readOnly.execute(status -> jdbc.sql("SELECT count(*) FROM crash_effects WHERE value = ?")
                        .param(value).query(Integer.class).single());
            }
        }

        static class Listener {

            private final Effects effects;

            Listener(Effects effects) {
                this.effects = effects;
            }

            @KafkaListener(topics = TOPIC, groupId = "crash-faults")
            void on(String value) {
                RECORDS.handling(value);
                effects.apply(value);
            }
        }

        @RestController
        static class Things {

            private final Effects effects;

            Things(Effects effects) {
                this.effects = effects;
            }

            @PostMapping("/api/things/{value}")
            String put(@PathVariable String value) {
                effects.apply(value);
                return value;
            }

            @GetMapping("/api/things/{value}")
            Integer count(@PathVariable String value) {
                return effects.count(value);
            }
        }
    }
}
