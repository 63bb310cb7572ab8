package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import io.microplatform.localstack.chaos.StackControl;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Two orchestrators; the deadline sweeper runs on the one holding the lease. It is stopped (SIGSTOP) in the middle of
 * a sweep, past its lease: the other takes the lease over with the next fencing token. Resumed, the old leader goes on
 * with the sweep it was in and writes with its old token: the database refuses the write.
 */
final class StaleLeader implements Demo {

    static final String SERVICE = "saga-orchestrator";
    static final String LEASE = "saga-deadline-sweeper";
    static final String REFUSED = "Stopped sweeping: ";
    static final int ROUNDS = 4;

    private record Lease(String holder, long token) {

        long pid() {
            String[] parts = holder.split(":");
            return parts.length >= 3 ? Long.parseLong(parts[parts.length - 2]) : -1;
        }
    }

    @Override
    public About about() {
        return new About("stale-leader",
                "two orchestrators; the sweeper's leader is paused mid-sweep past its lease, the other takes over, "
                        + "the old leader's write with the stale fencing token is refused",
                List.of("./platform up -d --scale saga-orchestrator=2 (if fewer run)",
                        "place 5 orders/s while payment-service refuses ChargePayment (fault payment-service --target "
                                + "kafka:payment.ChargePayment --refuse), so sagas wait and the sweeper has deadlines to handle",
                        "read the lease (table leases in saga_orchestrator): who leads, with which fencing token",
                        "the moment the leader holds the fence of a deadline write, SIGSTOP it (./platform pause)",
                        "wait until the other instance takes the lease over (a higher token), then SIGCONT the old leader",
                        "look in the old leader's log for its write refused for its stale token; clear the fault, let the orders end"),
                List.of("Grafana > Microplatform / Saga > \"Oldest saga in flight (age)\", \"Sagas in flight (RUNNING or "
                                + "COMPENSATING)\"",
                        "psql -h 127.0.0.1 -p 15432 -U saga_orchestrator -c 'SELECT * FROM leases'   # password saga_orchestrator",
                        "grep -E 'leads saga-deadline-sweeper|Stopped sweeping|lost lease' .platform/logs/saga-orchestrator*.log"));
    }

    @Override
    public Verdict run(DemoStack stack) throws Exception {
        Verdict verdict = new Verdict();
        stack.scaleUpTo(SERVICE, 2, "starting a second orchestrator ...");
        OrderTraffic orders = Demos.orders(stack, this, Demos.PLENTIFUL, 5);
        stack.addFaultEverywhere("payment-service", Map.of("target",
                Map.of("type", "kafka", "name", "payment.ChargePayment"), "refuse", true));
        orders.start();
        stack.say("payment-service refuses every ChargePayment: sagas wait for their deadline, and the sweeper re-sends");
        StackControl.Database database = stack.database("saga_orchestrator");
        String shown = null;
        Duration takeover = null;
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            for (int round = 1; round <= ROUNDS && shown == null; round++) {
                Lease leader = lease(db).orElseThrow(() -> new IllegalStateException("no lease " + LEASE));
                String instance = instanceOf(stack, leader.pid());
                stack.say("round " + round + ": " + instance + " leads with fencing token " + leader.token()
                        + "; waiting for it to write under the lease ...");
                if (!awaitFencedWrite(db, Duration.ofSeconds(60))) {
                    verdict.fail("the leader never wrote under the lease within 60 s");
                    break;
                }
                long logOffset = size(stack.log(instance));
                Instant paused = Instant.now();
                AtomicReference<Lease> successor = new AtomicReference<>();
                stack.pause(instance, Duration.ofSeconds(90), () -> {
                    lease(db).filter(now -> now.token() > leader.token()).ifPresent(successor::set);
                    return successor.get() != null;
                });
                if (successor.get() == null) {
                    verdict.fail("no instance took the lease over within 90 s");
                    break;
                }
                takeover = Duration.between(paused, Instant.now());
                stack.say("paused " + instance + " mid-sweep; " + instanceOf(stack, successor.get().pid())
                        + " took the lease over with token " + successor.get().token() + " after "
                        + Measure.seconds(takeover) + "; resumed " + instance);
                Path log = stack.log(instance);
                AtomicReference<String> refused = new AtomicReference<>();
                Measure.await(Duration.ofSeconds(8), Duration.ofMillis(250), () -> {
                    refused.set(find(log, logOffset, REFUSED));
                    return refused.get() != null;
                });
                if (refused.get() != null) {
                    shown = refused.get();
                    stack.say("the old leader's write was refused: " + shown);
                } else {
                    stack.say("the old leader did not write again: its own clock told it the lease had run out "
                            + "(the first line of defence); once more, to catch it inside a sweep");
                }
            }
        } finally {
            stack.clearFaults();
        }
        Instant healed = Instant.now();
        orders.stop();
        Duration ended = orders.awaitEnded(Duration.ofSeconds(150));
        verdict.figure("the other orchestrator took the lease over " + Measure.seconds(takeover)
                        + " after the leader was paused; the paused leader's write "
                        + (shown == null ? "was never seen" : "was refused: \"" + shown + "\""))
                .require(takeover != null, "no takeover")
                .require(shown != null, "no write with a stale token was seen refused in " + ROUNDS + " rounds")
                .require(ended != null, "not every order ended")
                .nothingLost(orders.check(healed, Map.of()));
        return verdict;
    }

    private static Optional<Lease> lease(Connection db) {
        try (PreparedStatement query = db.prepareStatement("SELECT holder, token FROM leases WHERE name = ?")) {
            query.setString(1, LEASE);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getString(1) != null ? Optional.of(new Lease(row.getString(1), row.getLong(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until some session holds the fence (the share lock {@code SELECT ... FROM leases ... FOR SHARE} takes in a
     * deadline write's transaction and keeps to its end; only the leader writes under the lease) while at least two
     * more sagas are due: the sweep it is in has more writes to make after this one.
     */
    private static boolean awaitFencedWrite(Connection db, Duration limit) throws SQLException {
        try (PreparedStatement locks = db.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'leases'::regclass AND mode = 'RowShareLock'
                               AND pid <> pg_backend_pid())
                   AND (SELECT count(*) FROM sagas WHERE deadline <= clock_timestamp()) >= 3""")) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet row = locks.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return true;
                    }
                }
                // the transaction lasts milliseconds: look often, but leave the CPU to the stack
                LockSupport.parkNanos(500_000);
            }
            return false;
        }
    }

    private static String instanceOf(DemoStack stack, long pid) {
        return stack.processes().stream().filter(p -> p.pid() == pid && p.alive()).findFirst()
                .map(p -> p.instance().equals(p.service()) ? p.service() + "-1" : p.instance())
                .orElseThrow(() -> new IllegalStateException("no running orchestrator has pid " + pid));
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The first line after {@code offset} that contains {@code text}, from there on; null if none. */
    private static String find(Path file, long offset, String text) {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            log.seek(Math.min(offset, log.length()));
            byte[] rest = new byte[(int) (log.length() - log.getFilePointer())];
            log.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                int at = line.indexOf(text);
                if (at >= 0) {
                    return line.substring(at).strip();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
