package io.microplatform.localstack.infrastructure;

import io.microplatform.embedded.KafkaBroker;
import io.microplatform.embedded.PostgresServer;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.config.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVMs behind the local stack's infrastructure, one per process so that each can be killed and restarted on its
 * own. Each writes {@code run/<name>.ready} holding the pid of the process to record once it is usable:
 * <ul>
 * <li>{@code postgres <home> <port> <database>...}: a short-lived helper. It starts PostgreSQL (zonky's binaries, data
 * in {@code data/postgres}, output appended to {@code logs/postgres.log}) detached, creates each service's database and
 * user when missing, writes the postmaster's pid and exits. The postmaster is what the launcher records: kill, pause
 * and ps then act on the real server, and no JVM has to stay alive next to it. (zonky holds a lock on the data
 * directory while its JVM runs, which a later {@code restart postgres} would trip over: that JVM must not be the
 * launcher, which stays in the foreground with {@code up}.)
 * <li>{@code kafka <home> <port> <controller port>}: a single-node KRaft broker, data in {@code data/kafka}, ready once a
 * describeCluster lists it; closed on SIGTERM (a controlled shutdown, so the next start has no logs to recover).
 * </ul>
 * The trace store, Zipkin's own server, runs from its jar instead (InstanceLauncher).
 */
public final class InfrastructureMain {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureMain.class);

    /**
     * After a kill -9 the restarted controller still counts the dead broker's session as valid and refuses the new
     * one's registration until that session times out (9 s by default, then the broker's retry backoff): that, not
     * log recovery, made a restart after a kill take ~17 s. A shorter session halves it; the price, a broker fenced
     * for a moment if its heartbeat thread starves for 3 s, is one a local stack can pay.
     */
    static final Map<String, String> KAFKA_SETTINGS = Map.of("broker.session.timeout.ms", "3000",
            "broker.heartbeat.interval.ms", "750");

    private InfrastructureMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String name = args[0];
        Path home = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Path ready = Settings.readyFile(home, name);
        try {
            Files.deleteIfExists(ready);
            switch (name) {
                case Topology.POSTGRES -> {
                    long pid = postgres(home, port, List.of(args).subList(3, args.length));
                    markReady(ready, pid);
                    // no shutdown hook was registered: the postmaster outlives this JVM
                    System.exit(0);
                }
                case Topology.KAFKA -> {
                    KafkaBroker broker = KafkaBroker.start(home.resolve("data").resolve("kafka"), port, Integer.parseInt(args[3]),
                            KAFKA_SETTINGS);
                    runUntilStopped(ready, broker, "Kafka at " + broker.bootstrapServers());
                }
                default -> throw new IllegalArgumentException("unknown process " + name);
            }
        } catch (IOException | RuntimeException e) {
            log.error("{} failed to start", name, e);
            System.exit(1);
        }
    }

    private static long postgres(Path home, int port, List<String> databases) {
        PostgresServer server = PostgresServer.startDetached(home.resolve("data").resolve("postgres"), port,
                home.resolve("logs").resolve(Topology.POSTGRES + ".log"));
        try {
            for (String database : databases) {
                // local stack only: user and password are the database's name
                server.ensureDatabase(database, database, database);
            }
        } catch (RuntimeException e) {
            // not ready, so not recorded: nobody else would stop it
            server.close();
            throw e;
        }
        log.info("PostgreSQL ready at {} (pid {}), databases {}", server.jdbcUrl("postgres"), server.postmasterPid(), databases);
        return server.postmasterPid();
    }

    /** Marks the process ready, then keeps it until SIGTERM, which closes the resource and lets the JVM exit. */
    private static void runUntilStopped(Path ready, AutoCloseable resource, String what) throws IOException, InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
                resource.close();
                log.info("stopped {}", what);
            } catch (Exception e) {
                log.warn("{} did not stop cleanly", what, e);
            }
            stopped.countDown();
        }, "stop"));
        markReady(ready, ProcessHandle.current().pid());
        log.info("ready: {}", what);
        stopped.await();
    }

    private static void markReady(Path ready, long pid) throws IOException {
        Files.createDirectories(ready.getParent());
        Path written = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(written, Long.toString(pid));
        Files.move(written, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
