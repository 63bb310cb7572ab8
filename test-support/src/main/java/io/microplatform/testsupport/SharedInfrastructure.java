package io.microplatform.testsupport;

import io.microplatform.embedded.KafkaBroker;
import io.microplatform.embedded.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One PostgreSQL and one Kafka per test JVM, each started on first use (throw-away directories, free ports) and
 * stopped when the JVM exits. Spring's test context cache keeps contexts alive until then, and they must close
 * before the broker disappears or their Kafka consumers wait out their close timeouts: so the stop runs as a
 * Spring Boot shutdown handler, which Boot runs after it has closed every application context.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

    // separate locks: the customizer starts PostgreSQL while a test may already be starting Kafka
    private static final Object POSTGRES_LOCK = new Object();
    private static final Object KAFKA_LOCK = new Object();
    private static final Object SHUTDOWN_LOCK = new Object();

    private static volatile PostgresServer postgres;
    private static volatile KafkaBroker kafka;
    private static boolean shutdownRegistered;

    private SharedInfrastructure() {
    }

    public static PostgresServer postgres() {
        PostgresServer server = postgres;
        if (server == null) {
            synchronized (POSTGRES_LOCK) {
                if (postgres == null) {
                    registerShutdown();
                    postgres = PostgresServer.start(null, 0);
                }
                server = postgres;
            }
        }
        return server;
    }

    public static KafkaBroker kafka() {
        KafkaBroker broker = kafka;
        if (broker == null) {
            synchronized (KAFKA_LOCK) {
                if (kafka == null) {
                    registerShutdown();
                    kafka = KafkaBroker.start(null, 0, 0);
                }
                broker = kafka;
            }
        }
        return broker;
    }

    private static void registerShutdown() {
        synchronized (SHUTDOWN_LOCK) {
            if (!shutdownRegistered) {
                SpringApplication.getShutdownHandlers().add(SharedInfrastructure::stop);
                shutdownRegistered = true;
            }
        }
    }

    private static void stop() {
        synchronized (KAFKA_LOCK) {
            close(kafka);
            kafka = null;
        }
        synchronized (POSTGRES_LOCK) {
            close(postgres);
            postgres = null;
        }
    }

    private static void close(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("Could not stop {}", resource, e);
        }
    }
}
