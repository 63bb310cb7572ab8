package io.microplatform.localstack.config;

import io.microplatform.localstack.console.PlatformException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code up} wants running: PostgreSQL, Kafka, the trace store, the registry and every business service, scaled,
 * with the port of every instance (instance i of a service listens on its base port + 100 * i) and the ports each one
 * claims.
 */
public record StackPlan(List<Instance> instances, List<PortClaim> claims) {

    public static final int MAX_SCALE = 9;
    public static final int INSTANCE_PORT_STEP = 100;

    /** A port an instance will bind: who uses it (for messages) and the .env key that moves it. */
    public record PortClaim(int port, String instance, String owner, String key) {
    }

    public static StackPlan of(Ports ports, Map<String, Integer> scale) {
        List<Instance> instances = new ArrayList<>();
        List<PortClaim> claims = new ArrayList<>();
        instances.add(new Instance(Topology.POSTGRES, 0, ports.postgres()));
        claims.add(new PortClaim(ports.postgres(), Topology.POSTGRES, "PostgreSQL", Ports.POSTGRES));
        instances.add(new Instance(Topology.KAFKA, 0, ports.kafka()));
        claims.add(new PortClaim(ports.kafka(), Topology.KAFKA, "Kafka", Ports.KAFKA));
        claims.add(new PortClaim(ports.kafkaController(), Topology.KAFKA, "Kafka controller", Ports.KAFKA_CONTROLLER));
        instances.add(new Instance(Topology.TRACE_STORE, 0, ports.traceStore()));
        claims.add(new PortClaim(ports.traceStore(), Topology.TRACE_STORE, "trace store", Ports.TRACE_STORE));
        for (String service : Topology.SERVICES.subList(Topology.INFRASTRUCTURE.size(), Topology.SERVICES.size())) {
            int count = scale.getOrDefault(service, 1);
            for (int index = 0; index < count; index++) {
                int port = ports.base(service) + INSTANCE_PORT_STEP * index;
                if (port > 65535) {
                    throw new PlatformException("instance " + (index + 1) + " of " + service + " would need port " + port
                            + "; lower the scale or " + Topology.portKey(service));
                }
                Instance instance = new Instance(service, index, port);
                instances.add(instance);
                claims.add(new PortClaim(port, instance.name(), instance.name(), Topology.portKey(service)));
            }
        }
        rejectSharedPorts(claims);
        return new StackPlan(List.copyOf(instances), List.copyOf(claims));
    }

    public static Comparator<Instance> startOrder() {
        return Comparator.comparingInt((Instance instance) -> Topology.order(instance.service()))
                .thenComparingInt(Instance::index);
    }

    private static void rejectSharedPorts(List<PortClaim> claims) {
        Map<Integer, PortClaim> byPort = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim other = byPort.putIfAbsent(claim.port(), claim);
            if (other != null) {
                throw new PlatformException("port " + claim.port() + " is set for both " + other.owner() + " and "
                        + claim.owner() + "; change " + claim.key() + " or " + other.key());
            }
        }
    }
}
