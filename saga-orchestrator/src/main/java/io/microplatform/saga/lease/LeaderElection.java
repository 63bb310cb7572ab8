package io.microplatform.saga.lease;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Keeps this instance's claim on one lease: every {@code renewInterval} it renews the lease it holds or takes over an
 * expired one. It runs on a thread of its own, so a slow sweep never delays a renewal. On a graceful stop it releases
 * the lease so another instance takes over at once; after a kill -9 the lease simply expires.
 * <p>
 * {@link #token()} is only this instance's belief. The database decides: every write made as leader passes
 * {@link Leases#verify} in its own transaction.
 */
public class LeaderElection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

    private final Leases leases;
    private final String lease;
    private final String holder;
    private final Duration ttl;
    private final Duration renewInterval;
    private volatile Held held;
    private volatile ScheduledExecutorService scheduler;

    public LeaderElection(Leases leases, String lease, String holder, Duration ttl, Duration renewInterval) {
        if (renewInterval.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("renew interval " + renewInterval + " must be shorter than the TTL " + ttl);
        }
        this.leases = leases;
        this.lease = lease;
        this.holder = holder;
        this.ttl = ttl;
        this.renewInterval = renewInterval;
    }

    /** The token while this instance believes it holds the lease; empty otherwise. */
    public Optional<FencingToken> token() {
        Held current = held;
        return current != null && System.nanoTime() - current.validUntilNanos() < 0
                ? Optional.of(current.token())
                : Optional.empty();
    }

    public String holder() {
        return holder;
    }

    /** Renews or takes over the lease once; public so tests can drive it without waiting for the schedule. */
    public void renew() {
        // measured before the statement, so the local view never outlives the database's expiry
        long startedNanos = System.nanoTime();
        try {
            Optional<FencingToken> token = leases.acquire(lease, holder, ttl);
            Held before = held;
            if (token.isPresent()) {
                if (before == null || before.token().value() != token.get().value()) {
                    log.info("{} leads {} with fencing token {}", holder, lease, token.get().value());
                }
                held = new Held(token.get(), startedNanos + ttl.toNanos());
            } else {
                if (before != null) {
                    log.warn("{} lost lease {} (token {}) to another instance", holder, lease, before.token().value());
                }
                held = null;
            }
        } catch (DataAccessException e) {
            // keep the belief until it expires: the fence refuses our writes anyway if someone took over
            log.warn("{} could not renew lease {}: {}", holder, lease, e.toString());
        }
    }

    /** The fence refused {@code stale}: stop believing in it until the next renewal says otherwise. */
    public void lost(FencingToken stale) {
        Held current = held;
        if (current != null && current.token().equals(stale)) {
            held = null;
        }
    }

    @Override
    public void start() {
        leases.create(lease);
        CustomizableThreadFactory threads = new CustomizableThreadFactory("lease-" + lease + "-");
        threads.setDaemon(true);
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(threads);
        started.scheduleWithFixedDelay(this::renewQuietly, 0, renewInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // an exception would end the schedule for good
            log.warn("Renewing lease {} failed: {}", lease, e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            running.awaitTermination(ttl.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Held last = held;
        held = null;
        if (last != null) {
            try {
                leases.release(lease, holder);
                log.info("{} released lease {}", holder, lease);
            } catch (DataAccessException e) {
                log.warn("{} could not release lease {}; it expires within {}", holder, lease, ttl);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private record Held(FencingToken token, long validUntilNanos) {
    }
}
