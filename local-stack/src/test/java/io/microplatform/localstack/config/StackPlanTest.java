package io.microplatform.localstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microplatform.localstack.console.PlatformException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackPlanTest {

    private static final Map<String, String> DOT_ENV = Map.of("REGISTRY_SERVICE_PORT", "8761", "ORDER_SERVICE_PORT", "8081",
            "PAYMENT_SERVICE_PORT", "8082", "INVENTORY_SERVICE_PORT", "8083", "SHIPPING_SERVICE_PORT", "8084",
            "SAGA_ORCHESTRATOR_PORT", "8085", "POSTGRES_PORT", "15432", "KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093",
            "TRACE_STORE_PORT", "19411");

    @Test
    void startsPostgresKafkaAndTheTraceStoreThenRegistryThenOneInstanceOfEachService() {
        StackPlan plan = StackPlan.of(Ports.from(DOT_ENV), Map.of());

        assertThat(plan.instances()).extracting(Instance::name).containsExactly("postgres", "kafka", "trace-store",
                "registry-service", "order-service", "payment-service", "inventory-service", "shipping-service",
                "saga-orchestrator");
        assertThat(plan.instances()).extracting(Instance::port).startsWith(15432, 19092, 19411, 8761);
        assertThat(plan.claims()).filteredOn(claim -> claim.instance().equals("kafka"))
                .extracting(StackPlan.PortClaim::key).containsExactly("KAFKA_PORT", "KAFKA_CONTROLLER_PORT");
        assertThat(plan.claims()).extracting(StackPlan.PortClaim::port)
                .containsExactly(15432, 19092, 19093, 19411, 8761, 8081, 8082, 8083, 8084, 8085);
    }

    @Test
    void scaledInstancesAreNumberedFromTwoAndListenOnePortHundredApart() {
        StackPlan plan = StackPlan.of(Ports.from(DOT_ENV), Map.of("order-service", 3));

        assertThat(plan.instances()).filteredOn(i -> i.service().equals("order-service"))
                .extracting(Instance::name, Instance::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("order-service-2", 8181),
                        org.assertj.core.groups.Tuple.tuple("order-service-3", 8281));
        assertThat(plan.claims()).filteredOn(claim -> claim.port() == 8281).singleElement()
                .extracting(StackPlan.PortClaim::key).isEqualTo("ORDER_SERVICE_PORT");
    }

    @Test
    void scaleZeroLeavesTheServiceOut() {
        StackPlan plan = StackPlan.of(Ports.from(DOT_ENV), Map.of("saga-orchestrator", 0));

        assertThat(plan.instances()).extracting(Instance::service).doesNotContain("saga-orchestrator");
    }

    @Test
    void refusesTwoProcessesOnOnePort() {
        Map<String, String> clash = new HashMap<>(DOT_ENV);
        clash.put("PAYMENT_SERVICE_PORT", "8181");

        assertThatThrownBy(() -> StackPlan.of(Ports.from(clash), Map.of("order-service", 2)))
                .isInstanceOf(PlatformException.class)
                .hasMessage("port 8181 is set for both order-service-2 and payment-service; change PAYMENT_SERVICE_PORT"
                        + " or ORDER_SERVICE_PORT");
    }

    @Test
    void namesTheKeyOfAPortThatIsMissingOrNotANumber() {
        Map<String, String> broken = new HashMap<>(DOT_ENV);
        broken.remove("KAFKA_PORT");
        assertThatThrownBy(() -> Ports.from(broken)).hasMessage("KAFKA_PORT is not set in .env or the environment");

        broken.put("KAFKA_PORT", "kafka");
        assertThatThrownBy(() -> Ports.from(broken)).hasMessage("KAFKA_PORT=kafka is not a port number");
    }

    @Test
    void instanceNamesMapBackToTheirServiceAndIndex() {
        assertThat(Topology.instance("order-service-2")).contains(new Topology.InstanceRef("order-service", 1));
        assertThat(Topology.instance("registry-service")).contains(new Topology.InstanceRef("registry-service", 0));
        // the first instance alone, where order-service names them all
        assertThat(Topology.instance("order-service-1")).contains(new Topology.InstanceRef("order-service", 0));
        assertThat(List.of("order-service-0", "order-service-x", "registry-service-2", "orders"))
                .allSatisfy(name -> assertThat(Topology.instance(name)).isEmpty());
    }
}
