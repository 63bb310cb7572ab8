package io.microplatform.support.faults;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * How a {@code crash} rule ends the process: {@link #KILL} in production. Tests put their own in its place to see
 * where the JVM would have stopped and then look at what was committed.
 */
@FunctionalInterface
interface ProcessHalt {

    /** What a shell reports for kill -9 (128 + SIGKILL), so whatever supervises the process treats it like one. */
    int STATUS = 137;

    /**
     * kill -9 of this very process, by the shell's kill, where there is a shell (Linux, macOS, the service images):
     * the JVM gets no say at all. {@link Runtime#halt} only if that did not work. Runtime.halt skips shutdown hooks,
     * but a JVM started with {@code -XX:ArchiveClassesAtExit} (the local stack's class-data-sharing training runs)
     * still writes its archive first, for seconds, while its other threads go on working: measured 37 s on the local
     * stack, in which the outbox sweep published the row an after-commit crash has to leave unpublished.
     */
    ProcessHalt KILL = () -> {
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -9 " + ProcessHandle.current().pid()).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no shell here: halt below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(STATUS);
    };

    void halt();
}
