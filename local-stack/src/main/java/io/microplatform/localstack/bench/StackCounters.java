package io.microplatform.localstack.bench;

import io.microplatform.localstack.chaos.DataSet;
import io.microplatform.localstack.chaos.StackControl;
import io.microplatform.localstack.config.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The counters a step is judged by, read from the engines themselves: CPU of every process, transactions committed in
 * the services' databases (pg_stat_database), records written to Kafka (the sum of every partition's end offset) and
 * the age of the oldest outbox message each service reports ({@code outbox_oldest_pending_age_seconds}).
 */
final class StackCounters implements AutoCloseable {

    /** Taken at one moment. */
    record Reading(long nanos, Map<String, Long> cpuMillis, long commits, long kafkaRecords, OutboxLatency outbox) {

        Map<String, Long> cpuSince(Reading earlier) {
            Map<String, Long> used = new java.util.TreeMap<>();
            cpuMillis.forEach((process, millis) -> used.put(process, millis - earlier.cpuMillis.getOrDefault(process, millis)));
            return used;
        }

        double seconds(Reading earlier) {
            return (nanos - earlier.nanos) / 1e9;
        }
    }

    private final StackControl stack;
    private final Admin kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    StackCounters(StackControl stack) {
        this.stack = stack;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "platform-bench");
        this.kafka = Admin.create(config);
    }

    Reading read() {
        return new Reading(System.nanoTime(), cpuMillis(), commits(), kafkaRecords(), outboxLatency());
    }

    /** Per process (the instance names of ./platform ps), CPU milliseconds so far, each pid counted once. */
    Map<String, Long> cpuMillis() {
        Map<String, Long> cpu = new HashMap<>();
        Set<Long> counted = new HashSet<>();
        for (StackControl.Process process : stack.processes()) {
            if (process.alive() && counted.add(process.pid())) {
                cpu.put(process.instance(), ProcessCpu.millis(process.pid()));
            }
        }
        return cpu;
    }

    /** Resident memory per process, in bytes. */
    Map<String, Long> residentBytes() {
        return stack.processes().stream().filter(StackControl.Process::alive).collect(Collectors.toMap(
                StackControl.Process::instance, process -> ProcessCpu.residentBytes(process.pid()), Long::sum,
                java.util.TreeMap::new));
    }

    /** Transactions committed so far in the five services' databases. */
    long commits() {
        try (Connection db = DataSet.connect(stack.database("order_service"));
                PreparedStatement query = db.prepareStatement(
                        "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE datname = ANY (?)")) {
            query.setArray(1, db.createArrayOf("text", Topology.BUSINESS_SERVICES.stream().map(Topology::database).toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_database: " + e.getMessage(), e);
        }
    }

    /** Records written to every topic so far (internal ones included: consumer offsets are Kafka records too). */
    long kafkaRecords() {
        try {
            Set<String> topics = kafka.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            kafka.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
            return kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Kafka's end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read Kafka's end offsets: " + e.getMessage(), e);
        }
    }

    /**
     * Commit-to-acknowledgement latency of every outbox message the business services published so far, from their
     * {@code outbox_publish_latency_seconds} timers: one scrape per service, so that measuring does not load the
     * services the way a scrape every second would.
     */
    OutboxLatency outboxLatency() {
        double count = 0;
        double sum = 0;
        double max = 0;
        for (StackControl.Process process : stack.processes()) {
            if (!process.alive() || !Topology.BUSINESS_SERVICES.contains(process.service())) {
                continue;
            }
            try {
                String exposition = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + process.port() + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                count += sum(exposition, "outbox_publish_latency_seconds_count");
                sum += sum(exposition, "outbox_publish_latency_seconds_sum");
                max = Math.max(max, max(exposition, "outbox_publish_latency_seconds_max"));
            } catch (java.io.IOException e) {
                // restarting: its messages count in the next reading
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new OutboxLatency(count, sum, max);
    }

    /** Totals over every topic and service; {@code maxSeconds} is the largest in Micrometer's last two minutes. */
    record OutboxLatency(double count, double sumSeconds, double maxSeconds) {

        double meanMillisSince(OutboxLatency earlier) {
            double published = count - earlier.count;
            return published <= 0 ? 0 : (sumSeconds - earlier.sumSeconds) / published * 1000;
        }
    }

    /** The sum of a series' values over all its labels, in Prometheus' text format; 0 when absent. */
    static double sum(String exposition, String name) {
        return values(exposition, name).sum();
    }

    /** The largest of a series' values over all its labels; 0 when absent. */
    static double max(String exposition, String name) {
        return values(exposition, name).max().orElse(0);
    }

    private static java.util.stream.DoubleStream values(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
    }
}
