package io.microplatform.saga.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's clock, read without a query per call: every instance takes its "now" for deadlines, step times and
 * the sweep from PostgreSQL's {@code clock_timestamp()}, the clock lease expiry already uses, so two orchestrators
 * whose JVM clocks differ (or a clock step on one host) agree on when a command is due.
 * <p>
 * {@link #refresh()} reads the database's time (taken as read in the middle of the round trip) every few seconds; in
 * between the time advances with {@link System#nanoTime()}, which no clock step moves. It never goes backwards: when a
 * refresh finds the database behind this clock, the clock holds still until the database catches up. While the
 * database cannot be reached it keeps advancing from the last reading.
 * <p>
 * The JVM's own clock only serves to report how far it is off ({@link #jvmSkew()}): it no longer decides anything.
 */
public final class DatabaseClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);
    private static final Duration NOTABLE_SKEW = Duration.ofSeconds(1);
    // a reading is off by up to half its round trip; the last one advanced with nanoTime drifts far less than that
    private static final long SLOWEST_READING_NANOS = Duration.ofSeconds(1).toNanos();

    private final Supplier<Instant> databaseTime;
    private final Clock jvm;
    private final LongSupplier nanoTime;
    private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);
    private volatile Reading reading;
    private volatile Duration jvmSkew = Duration.ZERO;

    DatabaseClock(Supplier<Instant> databaseTime, Clock jvm, LongSupplier nanoTime) {
        this.databaseTime = Objects.requireNonNull(databaseTime, "databaseTime");
        this.jvm = Objects.requireNonNull(jvm, "jvm");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        refresh();
    }

    /**
     * The clock of the database behind {@code jdbc}, read once now (so it fails fast when there is none).
     *
     * @param jvm this JVM's wall clock, used only to report its skew ({@code Clock.systemUTC()} in production)
     */
    public static DatabaseClock of(JdbcClient jdbc, Clock jvm) {
        return new DatabaseClock(() -> jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single()
                .toInstant(), jvm, System::nanoTime);
    }

    /**
     * Reads the database's time again; throws when it cannot (the clock keeps advancing from the last reading). A
     * reading that took longer than a second (a busy pool or database) is dropped unless it is the first.
     */
    public void refresh() {
        long before = nanoTime.getAsLong();
        Instant database = databaseTime.get();
        long after = nanoTime.getAsLong();
        if (after - before > SLOWEST_READING_NANOS && reading != null) {
            log.debug("Dropped a reading of the database's clock that took {} ms", (after - before) / 1_000_000);
            return;
        }
        // the database read its clock somewhere in the round trip: the middle is off by at most half of it
        Reading next = new Reading(database, before + (after - before) / 2);
        reading = next;
        Duration skew = Duration.between(next.at(after), jvm.instant());
        boolean wasNotable = jvmSkew.abs().compareTo(NOTABLE_SKEW) > 0;
        jvmSkew = skew;
        if (skew.abs().compareTo(NOTABLE_SKEW) > 0 && !wasNotable) {
            log.warn("This JVM's clock is {} ms off the database's; deadlines keep the database's clock", skew.toMillis());
        }
    }

    /** {@link #refresh()} for a schedule: a failure is logged, not thrown. */
    public void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read the database's clock; advancing from the last reading: {}", e.toString());
        }
    }

    /** How far this JVM's wall clock is ahead of the database's (negative: behind), as of the last refresh. */
    public Duration jvmSkew() {
        return jvmSkew;
    }

    /** The database's time now, in microseconds (what PostgreSQL keeps), never earlier than a time returned before. */
    @Override
    public Instant instant() {
        Instant now = reading.at(nanoTime.getAsLong());
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        long monotonic = lastMicros.accumulateAndGet(micros, Math::max);
        return Instant.EPOCH.plus(monotonic, ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // instants only: the saga never needs local times
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the database clock is UTC only");
        }
        return this;
    }

    /** The database's time {@code database} as read at {@code nanos} of this JVM's monotonic time. */
    private record Reading(Instant database, long nanos) {

        Instant at(long nowNanos) {
            return database.plusNanos(nowNanos - nanos);
        }
    }

}
