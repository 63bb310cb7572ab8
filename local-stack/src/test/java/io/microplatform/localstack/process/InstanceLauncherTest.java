package io.microplatform.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher tells each process of the local stack, beyond what a deployment's defaults give it. */
class InstanceLauncherTest {

    @TempDir
    Path home;

    @Test
    void showsTheLocalStacksEndpointsAndHealthDetailsThatADeploymentHides() {
        Map<String, String> environment = launcher().environment(new Instance("order-service", 0, 8081));

        assertThat(environment.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE").split(","))
                .contains("health", "info", "prometheus", "faults", "metrics", "circuitbreakers");
        assertThat(environment).containsEntry("MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "always")
                .containsEntry("PLATFORM_FAULTS_ENABLED", "true")
                .doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void runsPaymentAndShippingWithTheSimulatedThirdPartiesTheyHost() {
        for (String service : new String[] { "payment-service", "shipping-service" }) {
            assertThat(launcher().environment(new Instance(service, 0, 8082)))
                    .as(service).containsEntry("SPRING_PROFILES_ACTIVE", "simulated-third-parties");
        }
    }

    @Test
    void tellsTheInfrastructureNothingOfTheServices() {
        assertThat(launcher().environment(new Instance("kafka", 0, 19092)))
                .doesNotContainKeys("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "SPRING_PROFILES_ACTIVE");
    }

    private InstanceLauncher launcher() {
        Settings settings = Settings.load(Map.of("PLATFORM_HOME", home.toString()));
        return new InstanceLauncher(settings, new RunState(home.resolve("run")));
    }
}
