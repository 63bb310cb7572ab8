package io.microplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class FailuresTest {

    @Test
    void theBrokerRefusesARecordForWhatItIs() {
        assertThat(Failures.refusedTheRecord(sendFailure(new RecordTooLargeException("too large")))).isTrue();
        assertThat(Failures.refusedTheRecord(sendFailure(new InvalidTopicException("bad topic")))).isTrue();
    }

    @Test
    void anUnreachableBrokerOrAProducerProblemRefusesNoRecord() {
        assertThat(Failures.refusedTheRecord(sendFailure(new TimeoutException("no metadata in 5000 ms")))).isFalse();
        assertThat(Failures.refusedTheRecord(sendFailure(new NotLeaderOrFollowerException("moving")))).isFalse();
        assertThat(Failures.refusedTheRecord(sendFailure(new SaslAuthenticationException("wrong password")))).isFalse();
        assertThat(Failures.refusedTheRecord(new java.util.concurrent.TimeoutException("no ack in time"))).isFalse();
    }

    @Test
    void aDatabaseThatIsAwayOrBusyIsFixedByRetrying() {
        assertThat(Failures.fixedByRetrying(listenerFailure(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(Failures.fixedByRetrying(listenerFailure(new DataAccessResourceFailureException("I/O error")))).isTrue();
        assertThat(Failures.fixedByRetrying(listenerFailure(new CannotAcquireLockException("lock_timeout")))).isTrue();
        assertThat(Failures.fixedByRetrying(listenerFailure(new OptimisticLockingFailureException("saga row changed")))).isTrue();
        // a commit that failed is not translated: the SQLSTATE says it
        assertThat(Failures.fixedByRetrying(listenerFailure(new TransactionSystemException("commit failed",
                new PSQLException("terminating connection", PSQLState.CONNECTION_FAILURE))))).isTrue();
        assertThat(Failures.fixedByRetrying(listenerFailure(new TransactionSystemException("commit failed",
                new PSQLException("deadlock detected", PSQLState.DEADLOCK_DETECTED))))).isTrue();
        assertThat(Failures.fixedByRetrying(listenerFailure(new TimeoutException("broker away")))).isTrue();
        // the rollback after a broken connection fails on the pool's closed proxy, and Spring throws that instead
        assertThat(Failures.fixedByRetrying(new TransactionSystemException("Unable to rollback against JDBC Connection",
                new java.sql.SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aBugOrABadRecordIsNot() {
        assertThat(Failures.fixedByRetrying(listenerFailure(new IllegalStateException("simulated bug")))).isFalse();
        assertThat(Failures.fixedByRetrying(listenerFailure(new DataIntegrityViolationException("value too long",
                new PSQLException("value too long for type character varying(64)", PSQLState.STRING_DATA_RIGHT_TRUNCATION)))))
                .isFalse();
    }

    @Test
    void describesTheInnermostCause() {
        assertThat(Failures.describe(sendFailure(new RecordTooLargeException("too large"))))
                .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException: too large");
    }

    private static Exception sendFailure(Exception cause) {
        return new KafkaProducerException(new ProducerRecord<>("order-events", "value"), "Failed to send", cause);
    }

    private static Exception listenerFailure(Exception cause) {
        return new ListenerExecutionFailedException("Listener method threw", cause);
    }
}
