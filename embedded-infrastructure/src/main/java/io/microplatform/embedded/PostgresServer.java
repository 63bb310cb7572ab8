package io.microplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries) listening on 127.0.0.1 only, with trust authentication: any role can
 * log in without its password, which is acceptable only because nothing but this machine can reach it.
 * <p>
 * The postmaster is a separate process started detached by pg_ctl. A JVM shutdown hook stops it when the JVM exits
 * normally; after a kill -9 it keeps running, and the next {@link #start} on the same directory (or
 * {@link #stopStaleServer}) stops it. {@link #startDetached} leaves out the hook: that server outlives its JVM on
 * purpose. zonky unpacks the binaries once into {@code ${java.io.tmpdir}/embedded-pg} (system property
 * {@code ot.epg.working-dir} moves it).
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final String SUPERUSER = "postgres";
    /** zonky holds a file lock on it while its JVM runs the server; the OS drops the lock when that JVM dies. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    // crash recovery after a kill -9 on a busy 2-core machine takes longer than zonky's 10 s default
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    // zonky's own pg_ctl stop gives up after 5 s and carries on as if the server had stopped
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** Data directories served from this JVM: a second FileChannel on zonky's lock file would release its lock. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path throwAwayDirectory;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Path throwAwayDirectory, long postmasterPid) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.throwAwayDirectory = throwAwayDirectory;
        this.postmasterPid = postmasterPid;
        // ours instead of zonky's: zonky's hook is never removed, so it keeps every closed server reachable
        this.shutdownHook = new Thread(this::close, "postgres-" + postgres.getPort() + "-shutdown");
    }

    /**
     * @param dataDirectory null for a throw-away directory deleted on close; otherwise kept across restarts
     *                      (initdb runs only when it is empty)
     * @param port          0 picks a free port
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, ProcessBuilder.Redirect.PIPE, true);
    }

    /**
     * Starts a server on a kept directory that outlives this JVM: no shutdown hook, the postmaster's output appended
     * to {@code log} (zonky would otherwise pipe it into this JVM, and it would be lost once this JVM exits). Stop it
     * through its pid (SIGINT is PostgreSQL's fast shutdown), with {@link #stopStaleServer}, or with {@link #close}
     * from this JVM.
     */
    public static PostgresServer startDetached(Path dataDirectory, int port, Path log) {
        Directories.create(log.toAbsolutePath().getParent());
        return start(java.util.Objects.requireNonNull(dataDirectory), port,
                ProcessBuilder.Redirect.appendTo(log.toFile()), false);
    }

    private static PostgresServer start(Path dataDirectory, int port, ProcessBuilder.Redirect output, boolean shutdownHook) {
        boolean kept = dataDirectory != null;
        Path throwAwayDirectory = kept ? null : ThrowAwayDirectories.create("postgres");
        Path directory = kept ? dataDirectory.toAbsolutePath().normalize() : throwAwayDirectory.resolve("data");
        if (!IN_USE.add(directory)) {
            throw new IllegalStateException(directory + " is already served by a PostgresServer in this JVM");
        }
        int chosenPort;
        try {
            Directories.create(directory);
            if (kept) {
                stopStale(directory);
            }
            chosenPort = port == 0 ? FreePorts.pick() : requireFree(port);
        } catch (RuntimeException e) {
            // nothing of ours runs yet: above all, leave a directory owned by another live process alone
            IN_USE.remove(directory);
            if (!kept) {
                Directories.deleteRecursively(throwAwayDirectory);
            }
            throw e;
        }
        EmbeddedPostgres postgres = null;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // we delete throw-away directories ourselves, once the postmaster is really gone
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(chosenPort)
                    .setPGStartupWait(STARTUP_WAIT)
                    // pg_ctl's output: the postmaster inherits it, so its log goes there as well
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // no Unix socket: nothing in /tmp to go stale, and every client uses TCP on 127.0.0.1 anyway
                    .setServerConfig("unix_socket_directories", "''")
                    // up to ~15 service instances with a pool of 10 each in the local stack
                    .setServerConfig("max_connections", "300")
                    // zonky passes -F (fsync off) and synchronous_commit=off. Kept data is the local stack's: a commit
                    // must be on disk when it returns, because the outbox publishes what a transaction wrote right
                    // after its commit. With synchronous_commit=off an immediate stop (./platform kill postgres)
                    // lost the last commits after their messages had gone out: found by the chaos suite, a saga step
                    // was undone while the ChargePayment it had sent was applied, and the money was kept
                    .setServerConfig("fsync", kept ? "on" : "off")
                    .setServerConfig("synchronous_commit", kept ? "on" : "off")
                    .start();
            long pid = verifiedPid(directory, chosenPort);
            PostgresServer server = new PostgresServer(postgres, directory, throwAwayDirectory, pid);
            if (shutdownHook) {
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            }
            log.info("PostgreSQL (pid {}) listening on 127.0.0.1:{}, data in {}", server.postmasterPid, chosenPort, directory);
            return server;
        } catch (IOException e) {
            abandon(postgres, directory, throwAwayDirectory);
            throw new UncheckedIOException("PostgreSQL did not start on " + directory, e);
        } catch (RuntimeException e) {
            abandon(postgres, directory, throwAwayDirectory);
            throw e;
        }
    }

    /**
     * Stops a postmaster left running on the data directory by a JVM that was killed (kill -9 skips every shutdown
     * hook, and pg_ctl starts the postmaster detached) and removes its stale postmaster.pid.
     *
     * @throws IllegalStateException when a live process still owns the directory
     */
    public static void stopStaleServer(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (IN_USE.contains(directory)) {
            throw new IllegalStateException(directory + " is served by a running PostgresServer in this JVM");
        }
        if (Files.isDirectory(directory)) {
            stopStale(directory);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public long postmasterPid() {
        return postmasterPid;
    }

    /**
     * Idempotent: creates the login role and the database owned by it when missing, (re)sets the password, and makes
     * the database its owner's alone: PostgreSQL lets every role (PUBLIC) connect to a new database, so that right is
     * revoked, and the role may not create roles or databases. With PostgreSQL 15 and later (17 here) the schema
     * public of a new database belongs to its owner, and no one else may create in it. Run on every start, so a data
     * directory created before these rules gets them too.
     */
    public void ensureDatabase(String database, String user, String password) {
        try (Connection connection = connect(SUPERUSER, "postgres")) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                executeIgnoring(connection, "create role " + identifier(user), "42710");
            }
            execute(connection, "alter role " + identifier(user)
                    + " with login nosuperuser nocreatedb nocreaterole noreplication password " + literal(password));
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                // 42P04: another JVM created it between our check and this statement
                executeIgnoring(connection, "create database " + identifier(database) + " owner " + identifier(user), "42P04");
            }
            // the owner keeps every right on its database; other roles lose CONNECT and TEMPORARY
            execute(connection, "revoke all on database " + identifier(database) + " from public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " for " + user, e);
        }
    }

    /** Fast shutdown (open sessions are ended), waits until the postmaster is gone. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // we are the hook
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("pg_ctl stop failed for {}", dataDirectory, e);
        }
        if (!Postmaster.awaitGone(postmasterPid, STOP_WAIT)) {
            Postmaster.stop(postmasterPid);
        }
        IN_USE.remove(dataDirectory);
        if (throwAwayDirectory != null) {
            Directories.deleteRecursively(throwAwayDirectory);
        }
        log.info("PostgreSQL (pid {}) on port {} stopped", postmasterPid, port());
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port() + ", pid " + postmasterPid + ", " + dataDirectory + "]";
    }

    private static void stopStale(Path directory) {
        requireNoLiveOwner(directory);
        Postmaster.stopAndClean(directory);
    }

    private static void requireNoLiveOwner(Path directory) {
        Path lockFile = directory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(directory + " is served by another running process; stop it first");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + lockFile, e);
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            // without this check zonky would wait a minute, or happily talk to whatever PostgreSQL owns the port
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use", e);
        }
    }

    /** Proves the server answering on the port is the one on our data directory, and returns its pid. */
    private static long verifiedPid(Path directory, int port) throws IOException {
        String served;
        try (Connection connection = connect(port, SUPERUSER, "postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            served = result.getString(1);
        } catch (SQLException e) {
            throw new IOException("PostgreSQL on port " + port + " does not answer", e);
        }
        if (!Path.of(served).toRealPath().equals(directory.toRealPath())) {
            throw new IllegalStateException("port " + port + " is served by PostgreSQL on " + served + ", not " + directory);
        }
        return Postmaster.pidOf(directory)
                .orElseThrow(() -> new IllegalStateException("no " + Postmaster.PID_FILE + " in " + directory));
    }

    private static void abandon(EmbeddedPostgres postgres, Path directory, Path throwAwayDirectory) {
        try {
            if (postgres != null) {
                // releases zonky's lock too, so that a retry in this JVM can lock the directory again
                postgres.close();
            }
            Postmaster.stopAndClean(directory);
            if (throwAwayDirectory != null) {
                Directories.deleteRecursively(throwAwayDirectory);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not clean up {} after a failed start", directory, e);
        } finally {
            IN_USE.remove(directory);
        }
    }

    private Connection connect(String user, String database) throws SQLException {
        return connect(port(), user, database);
    }

    private static Connection connect(int port, String user, String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        return dataSource.getConnection();
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void executeIgnoring(Connection connection, String sql, String sqlState) throws SQLException {
        try {
            execute(connection, sql);
        } catch (SQLException e) {
            if (!sqlState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
