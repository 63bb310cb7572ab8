package io.microplatform.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.microplatform.localstack.config.Instance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run file recognises its process by the kernel's start ticks, which no move of the wall clock changes (a laptop's
 * suspend and resume, a clock step): this JVM's own /proc entry stands in for a process of the stack.
 */
class RunRecordTest {

    @TempDir
    Path run;

    private final ProcessHandle self = ProcessHandle.current();
    private long ticks;
    private Instant started;

    @BeforeEach
    void readOwnProcEntry() {
        assumeTrue(ProcStat.of(self.pid()).isPresent(), "needs Linux's /proc");
        ticks = ProcStat.of(self.pid()).orElseThrow().startTicks();
        started = self.info().startInstant().orElseThrow();
    }

    @Test
    void recognisesItsProcessAfterTheWallClockMovedByAnHour() {
        RunRecord record = record(started.minus(Duration.ofHours(1)), OptionalLong.of(ticks));

        assertThat(record.isAlive()).isTrue();
        assertThat(record.process()).contains(self);
    }

    @Test
    void takesAReusedPidWithOtherTicksForAnotherProcess() {
        RunRecord reused = record(started, OptionalLong.of(ticks + 1));

        assertThat(reused.isAlive()).isFalse();
        assertThat(reused.isPaused()).isFalse();
    }

    @Test
    void fallsBackToTheStartInstantWithinASecondForRunFilesWithoutTicks() {
        assertThat(record(started.plusMillis(400), OptionalLong.empty()).isAlive()).isTrue();
        assertThat(record(started.minus(Duration.ofHours(1)), OptionalLong.empty()).isAlive()).isFalse();
    }

    @Test
    void recordsTheTicksAndReadsThemBack() {
        RunRecord recorded = RunRecord.of(new Instance("order-service", 0, 8081), self, "http://127.0.0.1:8081",
                run.resolve("order-service.log"), false);
        recorded.write(run);

        RunRecord read = RunRecord.read(RunRecord.file(run, "order-service")).orElseThrow();

        assertThat(recorded.startTicks()).hasValue(ticks);
        assertThat(read).isEqualTo(recorded);
    }

    @Test
    void readsTheStartTicksAfterACommandNameWithSpacesAndParentheses() {
        // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice num_threads itrealvalue starttime ..."
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 6 0 0 20 0 12 0 987654 3000000 900";

        assertThat(ProcStat.parse(stat)).contains(new ProcStat('S', 987654));
        assertThat(ProcStat.parse("4242 (java) Z 1 4242").orElse(null)).isNull();
        assertThat(ProcStat.parse(stat.replace(") S ", ") T ")).orElseThrow().stopped()).isTrue();
        assertThat(ProcStat.parse(stat.replace(") S ", ") Z ")).orElseThrow().exited()).isTrue();
    }

    private RunRecord record(Instant start, OptionalLong startTicks) {
        return new RunRecord("order-service", "order-service", self.pid(), start, startTicks, 8081, "http://127.0.0.1:8081",
                run.resolve("order-service.log"), false);
    }
}
