package io.microplatform.localstack.config;

import io.microplatform.localstack.console.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The base ports of the stack, taken from .env and its environment overrides. */
public record Ports(Map<String, Integer> services, int postgres, int kafka, int kafkaController, int traceStore) {

    static final String POSTGRES = "POSTGRES_PORT";
    static final String KAFKA = "KAFKA_PORT";
    static final String KAFKA_CONTROLLER = "KAFKA_CONTROLLER_PORT";
    static final String TRACE_STORE = "TRACE_STORE_PORT";

    static Ports from(Map<String, String> settings) {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put(Topology.REGISTRY, port(settings, Topology.portKey(Topology.REGISTRY)));
        for (String service : Topology.BUSINESS_SERVICES) {
            services.put(service, port(settings, Topology.portKey(service)));
        }
        return new Ports(Map.copyOf(services), port(settings, POSTGRES), port(settings, KAFKA), port(settings, KAFKA_CONTROLLER),
                port(settings, TRACE_STORE));
    }

    public int registry() {
        return services.get(Topology.REGISTRY);
    }

    /** The port of a service's first instance; for PostgreSQL, Kafka and the trace store the port clients use. */
    public int base(String service) {
        return switch (service) {
            case Topology.POSTGRES -> postgres;
            case Topology.KAFKA -> kafka;
            case Topology.TRACE_STORE -> traceStore;
            default -> services.get(service);
        };
    }

    private static int port(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new PlatformException(key + " is not set in .env or the environment");
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PlatformException(key + "=" + value + " is not a port number");
    }
}
