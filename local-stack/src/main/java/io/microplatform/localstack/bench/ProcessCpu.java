package io.microplatform.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and resident memory of a process as Linux counts them in {@code /proc}: user plus system time of the process
 * and of its children, live ones (PostgreSQL's backends are children of the postmaster) and exited ones it has
 * collected. Nothing on a machine without /proc.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of the times in /proc/PID/stat on every Linux architecture Java runs on. */
    static final long TICKS_PER_SECOND = 100;
    private static final int UTIME = 14;
    private static final int CUTIME = 16;
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    private ProcessCpu() {
    }

    /** CPU milliseconds used so far by {@code pid} and every process below it. */
    static long millis(long pid) {
        long ticks = ownAndCollectedTicks(pid, true).orElse(0L);
        ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> ownAndCollectedTicks(child.pid(), false).orElse(0L)).sum();
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Resident set size in bytes (VmRSS), 0 when unknown. */
    static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Optional<Long> ownAndCollectedTicks(long pid, boolean withCollected) {
        try {
            return Optional.of(ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withCollected));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * utime + stime (fields 14, 15) and, with {@code withCollected}, cutime + cstime (16, 17): the time of children
     * that ended and were waited for. Counted from the last ')' because the command name may hold spaces.
     */
    static long ticks(String stat, boolean withCollected) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
        int utime = UTIME - FIRST_FIELD_AFTER_NAME;
        long own = Long.parseLong(fields[utime]) + Long.parseLong(fields[utime + 1]);
        if (!withCollected) {
            return own;
        }
        int cutime = CUTIME - FIRST_FIELD_AFTER_NAME;
        return own + Long.parseLong(fields[cutime]) + Long.parseLong(fields[cutime + 1]);
    }
}
