package io.microplatform.localstack.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The processes of the stack, in start order, and the naming rules that tie them to ports and databases. */
public final class Topology {

    /** The postmaster itself (PostgreSQL's children are its backends), so kill, pause and ps act on the real server. */
    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    /** Zipkin's server (docs/decisions/0003-trace-backend-on-the-local-stack.md), run from its own jar. */
    public static final String TRACE_STORE = "trace-store";
    /** Each its own process, so each can be killed, paused and restarted on its own data. */
    static final List<String> INFRASTRUCTURE = List.of(POSTGRES, KAFKA, TRACE_STORE);
    /** The processes InfrastructureMain runs, from one shared copy of the launcher's own jars. */
    private static final List<String> LAUNCHER_PROCESSES = List.of(POSTGRES, KAFKA);
    public static final String REGISTRY = "registry-service";
    public static final List<String> BUSINESS_SERVICES =
            List.of("order-service", "payment-service", "inventory-service", "shipping-service", "saga-orchestrator");
    /** The services that host a simulated third party (payment provider, carrier) on the local stack. */
    public static final List<String> HOSTS_SIMULATED_THIRD_PARTY = List.of("payment-service", "shipping-service");
    public static final List<String> SERVICES = Stream.of(INFRASTRUCTURE.stream(), Stream.of(REGISTRY), BUSINESS_SERVICES.stream())
            .flatMap(s -> s).toList();

    private Topology() {
    }

    public enum Kind {
        INFRASTRUCTURE, REGISTRY, SERVICE
    }

    public static Kind kind(String service) {
        if (INFRASTRUCTURE.contains(service)) {
            return Kind.INFRASTRUCTURE;
        }
        return service.equals(REGISTRY) ? Kind.REGISTRY : Kind.SERVICE;
    }

    public static boolean runsLauncherCopy(String service) {
        return LAUNCHER_PROCESSES.contains(service);
    }

    public static boolean isScalable(String service) {
        return BUSINESS_SERVICES.contains(service);
    }

    /** order-service -> ORDER_SERVICE_PORT, the key in .env. */
    public static String portKey(String service) {
        return envName(service) + "_PORT";
    }

    /** order-service -> order_service: database, user and (local stack only) password. */
    public static String database(String service) {
        return service.replace('-', '_');
    }

    /** order-service -> ORDER-SERVICE, as Eureka lists applications. */
    public static String eurekaApplication(String service) {
        return service.toUpperCase(Locale.ROOT);
    }

    /** Instance 0 carries the service's name, later ones a 1-based suffix: order-service, order-service-2, ... */
    static String instanceName(String service, int index) {
        return index == 0 ? service : service + "-" + (index + 1);
    }

    public static int order(String service) {
        return SERVICES.indexOf(service);
    }

    /**
     * The instance a name denotes, if it names one of the stack's processes. A service's first instance is named like
     * the service; {@code <service>-1} names that instance alone where the service's name would select them all.
     */
    public static Optional<InstanceRef> instance(String name) {
        if (SERVICES.contains(name)) {
            return Optional.of(new InstanceRef(name, 0));
        }
        for (String service : BUSINESS_SERVICES) {
            String suffix = name.startsWith(service + "-") ? name.substring(service.length() + 1) : "";
            if (suffix.matches("[1-9][0-9]?") && Integer.parseInt(suffix) >= 1) {
                return Optional.of(new InstanceRef(service, Integer.parseInt(suffix) - 1));
            }
        }
        return Optional.empty();
    }

    private static String envName(String service) {
        return service.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public record InstanceRef(String service, int index) {

        public String name() {
            return instanceName(service, index);
        }
    }
}
