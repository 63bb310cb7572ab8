package io.microplatform.saga.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The database's clock with a scripted database, JVM wall clock and monotonic time: given readings, expect instants. */
class DatabaseClockTest {

    private static final Instant DATABASE = Instant.parse("2025-11-26T10:00:00.000001Z");

    private final AtomicReference<Instant> database = new AtomicReference<>(DATABASE);
    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    // this host's wall clock, seven minutes ahead of the database's
    private final Clock jvm = Clock.fixed(DATABASE.plus(Duration.ofMinutes(7)), ZoneOffset.UTC);

    @Test
    void tellsTheDatabasesTimeWhateverTheJvmClockSays() {
        DatabaseClock clock = new DatabaseClock(this::readDatabase, jvm, nanos::get);

        assertThat(clock.instant()).isEqualTo(DATABASE);
        assertThat(clock.jvmSkew()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void advancesWithMonotonicTimeBetweenReadings() {
        DatabaseClock clock = new DatabaseClock(this::readDatabase, jvm, nanos::get);

        nanos.addAndGet(Duration.ofMillis(2500).toNanos());

        assertThat(clock.instant()).isEqualTo(DATABASE.plusMillis(2500));
    }

    @Test
    void takesTheDatabaseReadingAsMadeInTheMiddleOfTheRoundTrip() {
        // the query takes 4 ms: the database read its clock about 2 ms after it was sent
        DatabaseClock clock = new DatabaseClock(() -> {
            nanos.addAndGet(Duration.ofMillis(4).toNanos());
            return database.get();
        }, jvm, nanos::get);

        assertThat(clock.instant()).isEqualTo(DATABASE.plusMillis(2));
    }

    @Test
    void dropsAReadingThatTookTooLongToBePrecise() {
        AtomicLong queryNanos = new AtomicLong();
        DatabaseClock clock = new DatabaseClock(() -> {
            nanos.addAndGet(queryNanos.get());
            return database.get();
        }, jvm, nanos::get);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        // the pool made the query wait 3 s: the database read its clock at the end, not in the middle
        queryNanos.set(Duration.ofSeconds(3).toNanos());
        database.set(DATABASE.plusSeconds(8));

        clock.refresh();

        assertThat(clock.instant()).isEqualTo(DATABASE.plusSeconds(8));
    }

    @Test
    void followsTheDatabaseWhenItMovesAheadOnTheNextReading() {
        DatabaseClock clock = new DatabaseClock(this::readDatabase, jvm, nanos::get);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        // this JVM's monotonic time ran a little slow against the database's clock
        database.set(DATABASE.plusSeconds(5).plusMillis(30));

        clock.refresh();

        assertThat(clock.instant()).isEqualTo(DATABASE.plusSeconds(5).plusMillis(30));
    }

    @Test
    void neverGoesBackwardsWhenTheDatabaseIsFoundBehind() {
        DatabaseClock clock = new DatabaseClock(this::readDatabase, jvm, nanos::get);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        Instant before = clock.instant();
        // the database's clock was stepped back by a second
        database.set(DATABASE.plusSeconds(4));
        clock.refresh();

        assertThat(clock.instant()).isEqualTo(before);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(clock.instant()).as("holds still until the database catches up").isEqualTo(before);
        nanos.addAndGet(Duration.ofMillis(1500).toNanos());
        assertThat(clock.instant()).isEqualTo(DATABASE.plusSeconds(6));
    }

    @Test
    void keepsAdvancingFromTheLastReadingWhileTheDatabaseIsAway() {
        DatabaseClock clock = new DatabaseClock(this::readDatabase, jvm, nanos::get);
        database.set(null);
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());

        clock.refreshQuietly();

        assertThat(clock.instant()).isEqualTo(DATABASE.plusSeconds(3));
    }

    @Test
    void failsAtOnceWhenThereIsNoDatabaseToReadFrom() {
        assertThatIllegalStateException().isThrownBy(() -> new DatabaseClock(() -> {
            throw new IllegalStateException("connection refused");
        }, jvm, nanos::get));
    }

    @Test
    void keepsMicrosecondsLikePostgresql() {
        DatabaseClock clock = new DatabaseClock(this::readDatabase, jvm, nanos::get);

        nanos.addAndGet(1_999);

        assertThat(clock.instant()).isEqualTo(DATABASE.plusNanos(1_000));
    }

    private Instant readDatabase() {
        Instant now = database.get();
        if (now == null) {
            throw new IllegalStateException("connection refused");
        }
        return now;
    }
}
