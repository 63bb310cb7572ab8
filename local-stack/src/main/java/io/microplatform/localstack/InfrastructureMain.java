package io.microplatform.localstack;

import io.microplatform.embedded.KafkaBroker;
import io.microplatform.embedded.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure JVM of the local stack: a real PostgreSQL (its own server process, data kept in
 * {@code $PLATFORM_HOME/data/postgres}) with one database and user per service, and a single-node KRaft Kafka broker
 * (in this JVM, data in {@code data/kafka}). It writes its pid to {@code run/infrastructure.ready} once both are
 * usable, and on SIGTERM closes Kafka first (its clients are the services, not PostgreSQL), then PostgreSQL.
 *
 * <p>Arguments: {@code <platform home> <postgres port> <kafka port> <kafka controller port> <database>...}
 */
public final class InfrastructureMain {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureMain.class);

    private static final AtomicReference<PostgresServer> postgres = new AtomicReference<>();
    private static final AtomicReference<KafkaBroker> kafka = new AtomicReference<>();
    private static final AtomicReference<TraceStoreServer> traceStore = new AtomicReference<>();

    /** The system property with the trace store's port (TraceStoreServer); no trace store without it. */
    static final String TRACE_STORE_PORT = "platform.trace-store.port";
    private static final CountDownLatch stopped = new CountDownLatch(1);

    private InfrastructureMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        int postgresPort = Integer.parseInt(args[1]);
        int kafkaPort = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);
        List<String> databases = List.of(args).subList(4, args.length);
        Path ready = home.resolve("run").resolve(Topology.INFRASTRUCTURE + ".ready");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(ready), "infrastructure-stop"));
        try {
            Files.deleteIfExists(ready);
            // Kafka takes longest: it starts while PostgreSQL starts and the databases are created
            CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> {
                KafkaBroker started = KafkaBroker.start(home.resolve("data").resolve("kafka"), kafkaPort, controllerPort);
                kafka.set(started);
                return started;
            });
            PostgresServer server = PostgresServer.start(home.resolve("data").resolve("postgres"), postgresPort);
            postgres.set(server);
            for (String database : databases) {
                // local stack only: user and password are the database's name
                server.ensureDatabase(database, database, database);
            }
            log.info("PostgreSQL ready at {} (pid {}), databases {}", server.jdbcUrl("postgres"), server.postmasterPid(),
                    databases);
            log.info("Kafka ready at {}", broker.join().bootstrapServers());
            startTraceStore(home);
            Path written = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(written, Long.toString(ProcessHandle.current().pid()));
            Files.move(written, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("infrastructure ready");
        } catch (IOException | RuntimeException e) {
            log.error("infrastructure failed to start", e);
            System.exit(1);
        }
        stopped.await();
    }

    private static void stop(Path ready) {
        try {
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            // the launcher also checks that the pid in it is alive
        }
        close("trace store", traceStore.getAndSet(null));
        close("Kafka", kafka.getAndSet(null));
        close("PostgreSQL", postgres.getAndSet(null));
        log.info("infrastructure stopped");
        stopped.countDown();
    }

    private static void startTraceStore(Path home) throws IOException {
        String port = System.getProperty(TRACE_STORE_PORT);
        if (port != null) {
            TraceStore store = new TraceStore(home.resolve("traces").resolve("spans.jsonl"));
            traceStore.set(TraceStoreServer.start(store, Integer.parseInt(port)));
            log.info("trace store ready: OTLP at http://127.0.0.1:{}/v1/traces, spans in {}", port, store.file());
        }
    }

    private static void close(String name, AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
            log.info("{} stopped", name);
        } catch (Exception e) {
            log.warn("{} did not stop cleanly", name, e);
        }
    }
}
