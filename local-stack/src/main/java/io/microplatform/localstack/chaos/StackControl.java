package io.microplatform.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the chaos run needs from the stack it attacks. The local stack implements it with its own commands (kill,
 * restart, pause, fault), so a chaos run does to the processes exactly what a user can do by hand.
 */
public interface StackControl {

    /** Every process of the stack as its run files name it, alive or not. */
    List<Process> processes();

    /** Starts whatever is not running and waits until the whole stack is healthy (./platform up -d). */
    void startMissing();

    /** kill -9; for postgres an immediate stop. Returns once the process is gone. */
    void kill(String instance);

    /** Starts an instance that is not running (or stops it first) and waits until it is healthy. */
    void restart(String instance);

    /** SIGSTOP, then SIGCONT after {@code duration}; blocks meanwhile and always resumes. */
    void pause(String instance, Duration duration);

    /** Adds a fault injection rule (the JSON of POST /actuator/faults) to one running instance. */
    JsonNode addFault(String instance, Map<String, Object> rule);

    /** Removes every fault injection rule of every running business service instance. */
    void clearFaults();

    /** JDBC URL, user and password of a service's database (order_service, ...). */
    Database database(String name);

    String kafkaBootstrapServers();

    /** GET /actuator/info of the first running instance of {@code service}. */
    JsonNode info(String service);

    /** Base URL of the instance of order-service that clients call. */
    URI orderService();

    /** Where reports are written. */
    Path reports();

    /** A line for the person watching. */
    void say(String line);

    record Process(String service, String instance, long pid, int port, boolean alive) {
    }

    record Database(String url, String user, String password) {
    }
}
