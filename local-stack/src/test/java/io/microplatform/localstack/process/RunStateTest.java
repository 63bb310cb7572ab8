package io.microplatform.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which processes a name selects for kill, restart and pause. */
class RunStateTest {

    @TempDir
    Path run;

    @Test
    void aServiceNameSelectsEveryInstanceAndANumberedNameOne() {
        RunState state = new RunState(run);
        state.save(record("order-service", "order-service", 8081));
        state.save(record("order-service", "order-service-2", 8181));
        state.save(record("postgres", "postgres", 15432));

        assertThat(state.select("order-service")).extracting(RunRecord::instance)
                .containsExactly("order-service", "order-service-2");
        // the first instance is named like the service: order-service-1 selects it alone
        assertThat(state.select("order-service-1")).extracting(RunRecord::instance).containsExactly("order-service");
        assertThat(state.select("order-service-2")).extracting(RunRecord::instance).containsExactly("order-service-2");
        assertThat(state.select("postgres")).extracting(RunRecord::instance).containsExactly("postgres");
        assertThat(state.select("order-service-3")).isEmpty();
    }

    private RunRecord record(String service, String instance, int port) {
        return new RunRecord(service, instance, 1, Instant.now(), OptionalLong.empty(), port, "http://127.0.0.1:" + port,
                run.resolve(instance + ".log"), false);
    }
}
