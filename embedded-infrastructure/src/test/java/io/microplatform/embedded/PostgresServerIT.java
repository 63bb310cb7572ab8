package io.microplatform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
