package io.microplatform.localstack.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the end-to-end check does to a running stack: scrape it as Prometheus would, and cause a dead letter. */
public final class RunningStack {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningStack() {
    }

    /**
     * /actuator/prometheus of every instance (port -> service) that answers; the target labels are the ones
     * prometheus.yml's relabelling gives an Eureka-discovered instance. Instances that are down are left out, as
     * Eureka would have evicted them.
     */
    public static ExposedSeries scrape(Map<Integer, String> instances) throws InterruptedException {
        ExposedSeries series = new ExposedSeries();
        for (Map.Entry<Integer, String> instance : instances.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.getKey()
                            + "/actuator/prometheus"))
                    // the classic text format, as Prometheus negotiates it
                    .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError(request.uri() + " answered " + response.statusCode());
                }
                series.addTarget(response.body(), Map.of("job", "microplatform", "app", instance.getValue(),
                        "instance", instance.getValue() + ":" + instance.getKey()));
            } catch (IOException e) {
                // not running (a test killed it)
            }
        }
        return series;
    }

    /** A record no consumer can read: the consumer's error handler parks it on {@code <topic>-dlt} and counts it. */
    public static void publishUnreadableRecord(int kafkaPort, String topic) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, "observability-check".getBytes(), "not json".getBytes()))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
