package io.microplatform.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux says about a process in {@code /proc/<pid>/stat}: its state and its start time in clock ticks since boot.
 * Unlike {@link ProcessHandle.Info#startInstant()} (boot time + ticks, where the kernel derives the boot time from the
 * current wall clock), the ticks never move when the wall clock does: after a suspend and resume or a clock step a
 * process still has the start it had. Empty where there is no /proc (macOS, Windows) or the process is gone.
 */
public record ProcStat(char state, long startTicks) {

    /** Field 22, counted from 1 with the pid as field 1 and the command name as field 2. */
    private static final int START_TIME_FIELD = 22;
    /** The fields after the command name start with field 3, the state. */
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    public static Optional<ProcStat> of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * "pid (comm) S ppid ...": the command name may contain spaces and parentheses (a thread can name itself
     * ") x ("), so the fields are counted from the last ')'.
     */
    static Optional<ProcStat> parse(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        if (nameEnd < 0) {
            return Optional.empty();
        }
        String[] fields = stat.substring(nameEnd + 1).trim().split("\\s+");
        int startIndex = START_TIME_FIELD - FIRST_FIELD_AFTER_NAME;
        if (fields.length <= startIndex || fields[0].length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(fields[0].charAt(0), Long.parseLong(fields[startIndex])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Exited, waiting for its parent to collect the exit code (a zombie); ProcessHandle.isAlive says alive. */
    public boolean exited() {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    /** Stopped by SIGSTOP (./platform pause) or by a debugger. */
    boolean stopped() {
        return state == 'T' || state == 't';
    }
}
