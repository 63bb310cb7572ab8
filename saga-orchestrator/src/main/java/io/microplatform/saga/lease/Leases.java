package io.microplatform.saga.lease;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases in PostgreSQL (table leases). Acquiring and renewing are the same conditional UPDATE: it succeeds for the
 * holder itself or once the lease expired, and the token grows only when the holder changes. Expiry is database
 * time, so the instances' clocks never have to agree.
 */
public class Leases {

    private final JdbcClient jdbc;

    public Leases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the lease, expired and held by no one, unless it exists. */
    public void create(String name) {
        jdbc.sql("""
                INSERT INTO leases (name, holder, token, expires_at) VALUES (:name, NULL, 0, '-infinity')
                ON CONFLICT (name) DO NOTHING""")
                .param("name", name)
                .update();
    }

    /**
     * Takes or renews the lease for {@code ttl}.
     *
     * @return the fencing token when {@code holder} holds the lease now; empty while another holder's lease runs
     */
    public Optional<FencingToken> acquire(String name, String holder, Duration ttl) {
        Objects.requireNonNull(holder, "holder");
        return jdbc.sql("""
                UPDATE leases
                   SET token = CASE WHEN holder = :holder THEN token ELSE token + 1 END,
                       holder = :holder,
                       expires_at = clock_timestamp() + :ttlMillis * interval '1 millisecond'
                 WHERE name = :name AND (holder = :holder OR expires_at <= clock_timestamp())
                RETURNING token""")
                .param("name", name)
                .param("holder", holder)
                .param("ttlMillis", ttl.toMillis())
                .query(Long.class)
                .optional()
                .map(token -> new FencingToken(name, token));
    }

    /** Lets another instance take over at once instead of after the TTL (on a graceful shutdown). */
    public void release(String name, String holder) {
        jdbc.sql("UPDATE leases SET expires_at = clock_timestamp() WHERE name = :name AND holder = :holder")
                .param("name", name)
                .param("holder", holder)
                .update();
    }

    /**
     * The fence: call it inside the transaction of every write made under the lease, before the write. It reads the
     * lease's token with a share lock held to the end of that transaction, so
     * <ul>
     * <li>a write whose token is stale (another instance took over since) is refused, and
     * <li>a takeover (an UPDATE of the row) waits until the writes that passed the fence have committed.
     * </ul>
     *
     * @throws StaleLeaseException when the lease's token is no longer {@code token}
     */
    public void verify(FencingToken token) {
        Long current = jdbc.sql("SELECT token FROM leases WHERE name = :name FOR SHARE")
                .param("name", token.lease())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (current == null || current != token.value()) {
            throw new StaleLeaseException(token, current);
        }
    }
}
