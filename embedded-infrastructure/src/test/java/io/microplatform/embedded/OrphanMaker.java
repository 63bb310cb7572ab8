package io.microplatform.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link PostgresServerIT}: starts a server (on a throw-away directory when the first
 * argument is {@value #THROW_AWAY}), reports its pid and data directory, and waits to be killed.
 */
public final class OrphanMaker {

    static final String READY = "ORPHAN-MAKER-READY ";
    static final String THROW_AWAY = "throw-away";

    private OrphanMaker() {
    }

    public static void main(String[] args) throws InterruptedException {
        PostgresServer server = THROW_AWAY.equals(args[0])
                ? PostgresServer.start(null, 0)
                : PostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println(READY + server.postmasterPid() + " " + server.dataDirectory());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
