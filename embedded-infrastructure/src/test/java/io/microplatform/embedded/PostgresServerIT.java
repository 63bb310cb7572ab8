package io.microplatform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    private static final List<String> SERVICES = List.of("order_service", "payment_service", "inventory_service",
            "shipping_service", "saga_orchestrator");

    @TempDir
    Path temp;

    @Test
    void keepsDataAcrossRestartsOfAKeptDirectory() throws SQLException {
        Path data = temp.resolve("postgres");
        int port;
        try (PostgresServer server = PostgresServer.start(data, 0)) {
            port = server.port();
            server.ensureDatabase("order_service", "order_service", "order_service");
            server.ensureDatabase("order_service", "order_service", "order_service");
            try (Connection connection = connectAsOwner(server);
                 Statement statement = connection.createStatement()) {
                statement.execute("create table note (text varchar(20))");
                statement.execute("insert into note values ('kept')");
                assertThat(single(statement, "select current_user")).isEqualTo("order_service");
            }
        }

        try (PostgresServer server = PostgresServer.start(data, port);
             Connection connection = connectAsOwner(server);
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "select text from note")).isEqualTo("kept");
            assertThat(single(statement, "show fsync")).as("kept data survives a machine crash").isEqualTo("on");
            assertThat(single(statement, "show synchronous_commit"))
                    .as("a commit is on disk when it returns: the outbox publishes right after it").isEqualTo("on");
            assertThat(single(statement, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(single(statement, "select pg_get_userbyid(datdba) from pg_database where datname = 'order_service'"))
                    .isEqualTo("order_service");
        }
    }

    /** Each service's user reaches its own database only (the local stack's and the tests' five services). */
    @Test
    void letsEachServicesUserIntoItsOwnDatabaseOnly() throws SQLException {
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            for (String service : SERVICES) {
                server.ensureDatabase(service, service, service);
            }
            // again, as every start of the local stack does: the rules hold on an existing directory
            server.ensureDatabase("order_service", "order_service", "order_service");

            assertEachUserReachesItsOwnDatabaseOnly(server);
        }
    }

    /** docker compose's init script, which k8s/README.md asks a cluster's database to follow, makes the same rules. */
    @Test
    void composeInitScriptLetsEachServicesUserIntoItsOwnDatabaseOnly() throws Exception {
        String script = Files.readString(Path.of("..", "deploy", "postgres", "init-databases.sql"));
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            try (Connection superuser = connect(server, "postgres", "postgres");
                 Statement statement = superuser.createStatement()) {
                for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }

            assertEachUserReachesItsOwnDatabaseOnly(server);
        }
    }

    private static void assertEachUserReachesItsOwnDatabaseOnly(PostgresServer server) throws SQLException {
        for (String service : SERVICES) {
            try (Connection owner = connect(server, service, service);
                 Statement statement = owner.createStatement()) {
                statement.execute("create table secrets (value text)");
                statement.execute("insert into secrets values ('" + service + "')");
            }
        }
        for (String user : SERVICES) {
            for (String database : SERVICES) {
                if (user.equals(database)) {
                    try (Connection own = connect(server, database, user);
                         Statement statement = own.createStatement()) {
                        assertThat(single(statement, "select value from secrets")).isEqualTo(database);
                    }
                } else {
                    assertThatThrownBy(() -> connect(server, database, user).close())
                            .as("%s connecting to %s", user, database)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied for database");
                }
            }
        }
        try (Connection superuser = connect(server, "order_service", "postgres");
             Statement statement = superuser.createStatement()) {
            for (String user : SERVICES) {
                assertThat(single(statement, "select has_table_privilege('" + user + "', 'secrets', 'select')"))
                        .as("%s may read order_service's table", user)
                        .isEqualTo(user.equals("order_service") ? "t" : "f");
                assertThat(single(statement, "select rolsuper or rolcreatedb or rolcreaterole from pg_roles"
                        + " where rolname = '" + user + "'")).as("%s may do more than use its database", user)
                        .isEqualTo("f");
            }
        }
    }

    @Test
    void deletesAThrowAwayDirectoryAndStopsThePostmasterOnClose() {
        PostgresServer server = PostgresServer.start(null, 0);
        Path data = server.dataDirectory();
        assertThat(data.resolve("PG_VERSION")).exists();
        assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/x");

        server.close();
        server.close();

        assertThat(Postmaster.isRunning(server.postmasterPid())).isFalse();
        assertThat(data.getParent()).doesNotExist();
    }

    @Test
    void refusesAPortThatIsTaken() {
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            assertThatThrownBy(() -> PostgresServer.start(temp.resolve("other"), server.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void stopsThePostmasterOrphanedByAKilledJvm() throws Exception {
        Path data = temp.resolve("postgres");
        int port = FreePorts.pick();
        Process child = startChild(data.toString(), Integer.toString(port));
        Orphan orphan;
        try {
            orphan = awaitReady(child);
            assertThatThrownBy(() -> PostgresServer.stopStaleServer(data))
                    .as("the directory still has a live owner")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another running process");
            assertThatThrownBy(() -> PostgresServer.start(data, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another running process");
            assertThat(Postmaster.isRunning(orphan.pid())).as("a live owner's server is left alone").isTrue();
        } finally {
            killAndWait(child);
        }
        assertThat(Postmaster.isRunning(orphan.pid())).as("postmaster outlives its killed JVM").isTrue();

        try (PostgresServer server = PostgresServer.start(data, port)) {
            assertThat(Postmaster.isRunning(orphan.pid())).isFalse();
            assertThat(server.postmasterPid()).isNotEqualTo(orphan.pid());
        }
        assertThat(data.resolve(Postmaster.PID_FILE)).doesNotExist();
    }

    @Test
    void sweepsTheThrowAwayDirectoryOfAKilledJvm() throws Exception {
        Process child = startChild(OrphanMaker.THROW_AWAY);
        Orphan orphan;
        try {
            orphan = awaitReady(child);
        } finally {
            killAndWait(child);
        }
        assertThat(Postmaster.isRunning(orphan.pid())).isTrue();

        try (PostgresServer server = PostgresServer.start(null, 0)) {
            assertThat(Postmaster.isRunning(orphan.pid())).isFalse();
            assertThat(orphan.dataDirectory().getParent()).doesNotExist();
        }
    }

    private record Orphan(long pid, Path dataDirectory) {
    }

    private static Process startChild(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Orphan awaitReady(Process child) throws Exception {
        return CompletableFuture.supplyAsync(() -> readReadyLine(child)).get(120, TimeUnit.SECONDS);
    }

    private static void killAndWait(Process child) throws InterruptedException {
        // SIGKILL: no shutdown hook runs, exactly like kill -9 or a Surefire fork timeout
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Orphan readReadyLine(Process child) {
        // the child keeps running, so its output stream must not be closed here
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(OrphanMaker.READY)) {
                    String[] fields = line.substring(OrphanMaker.READY.length()).trim().split(" ", 2);
                    return new Orphan(Long.parseLong(fields[0]), Path.of(fields[1]));
                }
            }
            throw new IllegalStateException("child JVM ended without starting PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection connectAsOwner(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("order_service"), "order_service", "order_service");
    }

    /** The local stack's and the tests' credentials: the password is the user's name. */
    private static Connection connect(PostgresServer server, String database, String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, user);
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
