package io.microplatform.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (broker and controller in one) running inside this JVM, bound to and advertising
 * 127.0.0.1 only. Uses Kafka's internal server classes of 3.9; they change in Kafka 4.
 * <p>
 * No shutdown hook: the broker dies with its JVM. Close it for a clean stop, otherwise the next start on a kept
 * directory first recovers its logs (~17 s measured). Like any in-process Kafka, a fatal broker fault halts the
 * whole JVM (Kafka's fault handler calls {@code Exit.halt}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirectory;
    private final boolean throwAway;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, int port, Path logDirectory, boolean throwAway) {
        this.server = server;
        this.port = port;
        this.logDirectory = logDirectory;
        this.throwAway = throwAway;
    }

    /**
     * @param logDirectory   null for a throw-away directory deleted on close; otherwise kept across restarts
     *                       (storage is formatted only once)
     * @param port           client port, 0 picks a free one
     * @param controllerPort KRaft controller port, 0 picks a free one
     */
    public static KafkaBroker start(Path logDirectory, int port, int controllerPort) {
        return start(logDirectory, port, controllerPort, Map.of());
    }

    /** As {@link #start(Path, int, int)}, with broker settings that replace or add to the defaults. */
    public static KafkaBroker start(Path logDirectory, int port, int controllerPort, Map<String, String> settings) {
        boolean throwAway = logDirectory == null;
        Path directory = throwAway
                ? ThrowAwayDirectories.create("kafka").resolve("logs")
                : logDirectory.toAbsolutePath().normalize();
        Directories.create(directory);
        int[] free = FreePorts.pick(2);
        int brokerPort = port == 0 ? (controllerPort == free[0] ? free[1] : free[0]) : port;
        int quorumPort = controllerPort == 0 ? (brokerPort == free[1] ? free[0] : free[1]) : controllerPort;

        KafkaRaftServer server = null;
        try {
            Properties properties = properties(directory, brokerPort, quorumPort);
            properties.putAll(settings);
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            formatOnce(directory);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrapServers = "127.0.0.1:" + brokerPort;
            awaitReady(bootstrapServers);
            log.info("Kafka broker listening on {} (controller 127.0.0.1:{}), logs in {}", bootstrapServers, quorumPort, directory);
            return new KafkaBroker(server, brokerPort, directory, throwAway);
        } catch (RuntimeException e) {
            if (server != null) {
                shutdown(server);
            }
            if (throwAway) {
                Directories.deleteRecursively(directory.getParent());
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        shutdown(server);
        if (throwAway) {
            Directories.deleteRecursively(logDirectory.getParent());
        }
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + logDirectory + "]";
    }

    private static Properties properties(Path directory, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", directory.toString()),
                // one node: every internal topic with a single replica
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                // 50 partitions each by default: a slow first consumer-group join and hundreds of files for nothing
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                // the default 3 s wait for more members only slows tests and local start-up
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // the log cleaner (for compacted __consumer_offsets) allocates 128 MB by default
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4")));
        return properties;
    }

    /** Formats once: a kept directory keeps its cluster id, topics and records. */
    private static void formatOnce(Path directory) {
        if (Files.exists(directory.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(directory.toString())
                    .addDirectory(directory.toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + directory, e);
        }
    }

    private static void awaitReady(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-readiness");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMs <= 0) {
                    throw new IllegalStateException("Kafka on " + bootstrapServers + " not ready after " + READY_TIMEOUT);
                }
                try {
                    // metadata lists only unfenced brokers: a non-empty answer means records can be produced
                    DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) Math.min(remainingMs, 10_000));
                    Collection<Node> nodes = admin.describeCluster(options).nodes().get(remainingMs, TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    log.debug("Kafka on {} not ready yet: {}", bootstrapServers, e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
