package io.microplatform.localstack.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the engines under the platform can do on this machine, measured in the same run: PostgreSQL's commit rate for
 * a transaction shaped like the outbox pattern's (change a row, record it, write an outbox message: three statements)
 * from 16 clients, and Kafka's produce and consume rates from Kafka's own performance tools on the same broker.
 */
final class Ceiling {

    static final int CLIENTS = 16;
    static final int ACCOUNTS = 1000;
    static final String UPDATE = "UPDATE bench_accounts SET balance = balance - 1 WHERE id = ?";
    static final String HISTORY = "INSERT INTO bench_history (account_id, delta, at) VALUES (?, -1, now())";
    static final String OUTBOX = "INSERT INTO bench_outbox (id, topic, payload, created_at) VALUES (?, 'bench', ?, now())";
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PRODUCED = Pattern.compile("records sent, ([0-9.]+) records/sec");

    record Database(String how, double commitsPerSecond) {
    }

    record Kafka(double producedPerSecond, double consumedPerSecond, int recordSize) {
    }

    private final int postgresPort;
    private final String bootstrapServers;
    private final Duration duration;

    Ceiling(int postgresPort, String bootstrapServers, Duration duration) {
        this.postgresPort = postgresPort;
        this.bootstrapServers = bootstrapServers;
        this.duration = duration;
    }

    /** pgbench where it is installed (the reference tool), a JDBC loop doing the same otherwise. */
    Database database() throws SQLException, IOException, InterruptedException {
        createTables();
        try {
            Optional<Path> pgbench = findPgbench();
            if (pgbench.isPresent()) {
                return new Database("pgbench", pgbench(pgbench.get()));
            }
            return new Database("JDBC loop", jdbcLoop());
        } finally {
            dropTables();
        }
    }

    private double pgbench(Path pgbench) throws IOException, InterruptedException {
        Path script = Files.createTempFile("bench-outbox", ".sql");
        try {
            Files.writeString(script, """
                    \\set id random(1, %d)
                    BEGIN;
                    UPDATE bench_accounts SET balance = balance - 1 WHERE id = :id;
                    INSERT INTO bench_history (account_id, delta, at) VALUES (:id, -1, now());
                    INSERT INTO bench_outbox (id, topic, payload, created_at) VALUES (gen_random_uuid(), 'bench', repeat('x', 300), now());
                    END;
                    """.formatted(ACCOUNTS));
            Process run = new ProcessBuilder(pgbench.toString(), "-n", "-h", "127.0.0.1", "-p",
                    Integer.toString(postgresPort), "-U", "postgres", "-c", Integer.toString(CLIENTS), "-j", "2", "-T",
                    Long.toString(duration.toSeconds()), "-f", script.toString(), "postgres")
                    .redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            run.waitFor();
            return pgbenchTps(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static double pgbenchTps(String output) {
        Matcher tps = PGBENCH_TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private double jdbcLoop() throws InterruptedException {
        LongAdder commits = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        String payload = "x".repeat(300);
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> {
                try (Connection db = superuser(); PreparedStatement update = db.prepareStatement(UPDATE);
                        PreparedStatement history = db.prepareStatement(HISTORY);
                        PreparedStatement outbox = db.prepareStatement(OUTBOX)) {
                    db.setAutoCommit(false);
                    while (running.get()) {
                        int account = 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS);
                        update.setInt(1, account);
                        update.executeUpdate();
                        history.setInt(1, account);
                        history.executeUpdate();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setString(2, payload);
                        outbox.executeUpdate();
                        db.commit();
                        commits.increment();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("the JDBC ceiling loop failed: " + e.getMessage(), e);
                }
            }, "bench-ceiling-" + i);
            clients.add(client);
        }
        long start = System.nanoTime();
        clients.forEach(Thread::start);
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        running.set(false);
        long count = commits.sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Thread client : clients) {
            client.join();
        }
        return count / seconds;
    }

    /**
     * ProducerPerformance (acks=all, batched, 512-byte records, as fast as it can) and then ConsumerPerformance reading
     * them back, each in a JVM of its own with this launcher's class path, on a topic of their own.
     */
    Kafka kafka(int records) throws IOException, InterruptedException {
        String topic = "bench-ceiling-" + UUID.randomUUID();
        int recordSize = 512;
        String produced = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                Integer.toString(records), "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "linger.ms=5");
        String consumed = tool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrapServers,
                "--topic", topic, "--messages", Integer.toString(records), "--timeout", "60000", "--hide-header",
                "--group", topic);
        return new Kafka(producedPerSecond(produced), consumedPerSecond(consumed), recordSize);
    }

    /** The last "N records sent, R records/sec" line: the summary after the progress lines. */
    static double producedPerSecond(String output) {
        Matcher rate = PRODUCED.matcher(output);
        double last = -1;
        while (rate.find()) {
            last = Double.parseDouble(rate.group(1));
        }
        if (last < 0) {
            throw new IllegalStateException("ProducerPerformance printed no rate: " + output);
        }
        return last;
    }

    /**
     * ConsumerPerformance's one line without header: start.time, end.time, data.consumed.in.MB, MB.sec,
     * data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec. The last field
     * is the rate while fetching (without the group's join and rebalance).
     */
    static double consumedPerSecond(String output) {
        List<String> lines = output.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] fields = lines.get(i).split(",\\s*");
            if (fields.length >= 10) {
                return Double.parseDouble(fields[9].strip());
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no rate: " + output);
    }

    private static String tool(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (run.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + output);
        }
        return output;
    }

    private void createTables() throws SQLException {
        try (Connection db = superuser(); Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_accounts, bench_history, bench_outbox");
            ddl.execute("CREATE TABLE bench_accounts (id int PRIMARY KEY, balance bigint NOT NULL)");
            ddl.execute("CREATE TABLE bench_history (id bigserial PRIMARY KEY, account_id int NOT NULL, "
                    + "delta int NOT NULL, at timestamptz NOT NULL)");
            ddl.execute("CREATE TABLE bench_outbox (id uuid PRIMARY KEY, topic text NOT NULL, payload text NOT NULL, "
                    + "created_at timestamptz NOT NULL, published_at timestamptz)");
            ddl.execute("INSERT INTO bench_accounts SELECT i, 1000000000 FROM generate_series(1, " + ACCOUNTS + ") i");
        }
    }

    private void dropTables() throws SQLException {
        try (Connection db = superuser(); Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_accounts, bench_history, bench_outbox");
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres",
                "postgres");
    }

    private static Optional<Path> findPgbench() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "pgbench")).filter(Files::isExecutable).findFirst();
    }
}
