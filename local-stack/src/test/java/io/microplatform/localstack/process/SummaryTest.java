package io.microplatform.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Ports;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table ./platform up prints once the stack is healthy. */
class SummaryTest {

    @TempDir
    Path home;

    @Test
    void linksEachBusinessServicesSwaggerUiAndNothingForTheRegistryOrInfrastructure() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Settings settings = new Settings(home, home, Map.of(),
                new Ports(Map.of("registry-service", 8761), 15432, 19092, 19093, 19411), Path.of("java"), Map.of());
        Stack stack = new Stack(settings, new Terminal(false, new PrintStream(printed, true, StandardCharsets.UTF_8)));

        stack.printSummary(List.of(record("postgres", 15432), record("registry-service", 8761),
                record("order-service", 8081), record("saga-orchestrator", 8085)), "all healthy");

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("SERVICE").endsWith("API (SWAGGER UI)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("order-service")
                .endsWith("http://127.0.0.1:8081/swagger-ui.html"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("saga-orchestrator")
                .endsWith("http://127.0.0.1:8085/swagger-ui.html"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("registry-service")
                .doesNotContain("swagger"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("postgres"));
        assertThat(lines).contains("API documents     each service's URL + /v3/api-docs (OpenAPI 3, JSON)");
    }

    private RunRecord record(String service, int port) {
        return RunRecord.of(new Instance(service, 0, port), ProcessHandle.current(), "http://127.0.0.1:" + port,
                home.resolve(service + ".log"), false);
    }
}
