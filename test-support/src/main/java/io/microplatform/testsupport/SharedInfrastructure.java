package io.microplatform.testsupport;

import java.util.function.Supplier;

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

    private static final Object SHUTDOWN_LOCK = new Object();

    // each its own lock: the customizer starts PostgreSQL while a test may already be starting Kafka
    private static final OnFirstUse<PostgresServer> POSTGRES = new OnFirstUse<>(() -> PostgresServer.start(null, 0));
    private static final OnFirstUse<KafkaBroker> KAFKA = new OnFirstUse<>(() -> KafkaBroker.start(null, 0, 0));
    private static boolean shutdownRegistered;

    private SharedInfrastructure() {
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static KafkaBroker kafka() {
        return KAFKA.get();
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
        KAFKA.stop();
        POSTGRES.stop();
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

    /** A server started by whichever thread asks for it first, and stopped at shutdown if it was started. */
    private static final class OnFirstUse<T extends AutoCloseable> {

        private final Supplier<T> start;
        private T started;

        OnFirstUse(Supplier<T> start) {
            this.start = start;
        }

        synchronized T get() {
            if (started == null) {
                registerShutdown();
                started = start.get();
            }
            return started;
        }

        synchronized void stop() {
            close(started);
            started = null;
        }
    }
}
