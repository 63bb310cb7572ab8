package io.microplatform.support.faults;

/**
 * How a {@code crash} rule ends the process. The production one is {@link Runtime#halt}: no shutdown hooks, no
 * graceful shutdown, no finally blocks, like kill -9. Tests put their own in its place to see where the JVM would
 * have stopped and then look at what was committed.
 */
@FunctionalInterface
interface ProcessHalt {

    /** What a shell reports for kill -9 (128 + SIGKILL), so whatever supervises the process treats it like one. */
    int STATUS = 137;

    ProcessHalt RUNTIME = () -> Runtime.getRuntime().halt(STATUS);

    void halt();
}
