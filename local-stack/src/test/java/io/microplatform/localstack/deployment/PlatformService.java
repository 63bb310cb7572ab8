package io.microplatform.localstack.deployment;

import java.util.List;

/** One of the six deployable services, named as its folder, artifactId, spring.application.name and Eureka id. */
record PlatformService(String name) {

    static final PlatformService REGISTRY = new PlatformService("registry-service");

    static final List<PlatformService> ALL = List.of(
            REGISTRY,
            new PlatformService("order-service"),
            new PlatformService("payment-service"),
            new PlatformService("inventory-service"),
            new PlatformService("shipping-service"),
            new PlatformService("saga-orchestrator"));

    static List<PlatformService> business() {
        return ALL.stream().filter(PlatformService::isBusinessService).toList();
    }

    static List<String> names() {
        return ALL.stream().map(PlatformService::name).toList();
    }

    boolean isBusinessService() {
        return !equals(REGISTRY);
    }

    /** saga-orchestrator -> SAGA_ORCHESTRATOR_PORT, the variable in .env. */
    String portVariable() {
        return name.toUpperCase().replace('-', '_') + "_PORT";
    }

    int port() {
        return Repository.port(portVariable());
    }

    /** Database, user and (locally) password: order-service -> order_service. */
    String database() {
        return name.replace('-', '_');
    }

    String jarPath() {
        return name + "/target/" + name + ".jar";
    }

    @Override
    public String toString() {
        return name;
    }
}
