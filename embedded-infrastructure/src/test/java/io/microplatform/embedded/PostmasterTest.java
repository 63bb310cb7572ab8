package io.microplatform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterTest {

    @TempDir
    Path data;

    @Test
    void readsThePidFromTheFirstLineOfPostmasterPid() throws IOException {
        Files.writeString(data.resolve(Postmaster.PID_FILE), "4242\n" + data + "\n1732640000\n5432\n\n127.0.0.1\n");

        assertThat(Postmaster.pidOf(data)).hasValue(4242);
    }

    @Test
    void treatsAMissingOrHalfWrittenPidFileAsNoServer() throws IOException {
        assertThat(Postmaster.pidOf(data)).isEmpty();

        Files.writeString(data.resolve(Postmaster.PID_FILE), "42x");
        assertThat(Postmaster.pidOf(data)).isEmpty();
    }

    @Test
    void removesAPidFileWhoseProcessIsGone() throws IOException {
        Files.writeString(data.resolve(Postmaster.PID_FILE), Long.MAX_VALUE + "\n");

        Postmaster.stopAndClean(data);

        assertThat(data.resolve(Postmaster.PID_FILE)).doesNotExist();
    }

    @Test
    void removesAPidFileWhosePidWasReusedByAnotherProgramWithoutTouchingIt() throws IOException {
        long self = ProcessHandle.current().pid();
        Files.writeString(data.resolve(Postmaster.PID_FILE), self + "\n");

        Postmaster.stopAndClean(data);

        assertThat(data.resolve(Postmaster.PID_FILE)).doesNotExist();
        assertThat(Postmaster.isRunning(self)).isTrue();
    }

    @Test
    void knowsThisJvmIsRunningAndIsNotPostgres() {
        long self = ProcessHandle.current().pid();

        assertThat(Postmaster.isRunning(self)).isTrue();
        assertThat(Postmaster.isPostgres(self)).hasValue(false);
    }
}
