package io.microplatform.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.microplatform.localstack.Executables;
import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pause and resume on a process tree shaped like PostgreSQL's: a parent whose children each run in a session of their
 * own (as every backend does), so signalling the parent's process group would miss them.
 */
class SignalsTest {

    private Process parent;
    private List<ProcessHandle> children = List.of();
    private RunRecord record;

    @BeforeEach
    void startProcessTree() throws Exception {
        assumeTrue(ProcStat.of(ProcessHandle.current().pid()).isPresent(), "needs Linux's /proc");
        assumeTrue(Executables.onPath("setsid").isPresent(), "needs setsid");
        parent = new ProcessBuilder("sh", "-c", "setsid sleep 300 & setsid sleep 300 & wait").start();
        await().atMost(Duration.ofSeconds(10)).until(() -> parent.descendants().count() == 2);
        children = parent.descendants().toList();
        record = RunRecord.of(new Instance(Topology.POSTGRES, 0, 1), parent.toHandle(), "postgresql://127.0.0.1:1",
                Path.of("postgres.log"), false);
    }

    @AfterEach
    void killProcessTree() {
        // the children outlive a parent killed by a test
        children.forEach(ProcessHandle::destroyForcibly);
        if (parent != null) {
            parent.destroyForcibly();
        }
    }

    @Test
    void pausesTheProcessAndEveryChildThenResumesThemAll() {
        Signals.stop(record);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states()).containsOnly('T').hasSize(3));
        assertThat(record.isPaused()).isTrue();

        Signals.resume(record);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states()).doesNotContain('T').hasSize(3));
        assertThat(record.isPaused()).isFalse();
    }

    @Test
    void stopsAPausedProcessWithoutWaitingForTheEndOfItsPause() {
        Signals.stop(record);
        await().atMost(Duration.ofSeconds(10)).until(record::isPaused);

        Signals.sendAndResume(record, "TERM");

        await().atMost(Duration.ofSeconds(10)).until(() -> !record.isAlive());
    }

    @Test
    void leavesARecordWhoseProcessIsGoneAlone() throws Exception {
        parent.destroyForcibly().waitFor();

        Signals.stop(record);
        Signals.resume(record);

        assertThat(record.isAlive()).isFalse();
    }

    private List<Character> states() {
        return Stream.concat(Stream.of(parent.toHandle()), children.stream())
                .map(process -> ProcStat.of(process.pid()).map(ProcStat::state).orElse('?')).toList();
    }
}
