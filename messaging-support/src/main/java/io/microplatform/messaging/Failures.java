package io.microplatform.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures time heals and which it never will: retried without limit, or given up on after a few tries. Public
 * for the services' HTTP error handlers, so that "the database is away" means the same to a consumer (wait and retry)
 * and to an API (503 with Retry-After).
 */
public final class Failures {

    /**
     * What the broker refuses for the record itself, however often it is sent. Not retriable errors in general: an
     * authentication failure or a fenced producer concerns every record and must not park rows.
     */
    private static final List<Class<? extends Throwable>> REFUSED_RECORD = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, TopicAuthorizationException.class,
            InvalidRecordException.class, SerializationException.class);

    /** A dependency that is away or busy and will be back: the database restarting, a lock or statement timeout. */
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, RecoverableDataAccessException.class,
            TransientDataAccessException.class, SQLTransientException.class, SQLRecoverableException.class,
            RetriableException.class);

    /**
     * PostgreSQL errors that say the same where no translation happened (a failed commit arrives as a
     * TransactionSystemException): connection exception (08), insufficient resources (53), operator intervention
     * (57: server shutting down or starting, statement timeout); serialization failure, deadlock, lock timeout.
     */
    private static final List<String> TRANSIENT_SQL_STATE_CLASSES = List.of("08", "53", "57");
    private static final List<String> TRANSIENT_SQL_STATES = List.of("40001", "40P01", "55P03");

    /**
     * What HikariCP's connection proxy throws, without a SQLSTATE, once the pool has evicted a connection the
     * database broke (an 08 error): the rollback of the transaction that failed on it then fails this way, and Spring
     * throws that (a JpaSystemException "Unable to rollback") instead of the original connection failure.
     */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private Failures() {
    }

    /** True when the broker refused the record for what it is, so sending it again cannot succeed. */
    static boolean refusedTheRecord(Throwable failure) {
        return causes(failure, REFUSED_RECORD);
    }

    /** True when a listener or request failed because a dependency is away; retrying succeeds once it is back. */
    public static boolean fixedByRetrying(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isAny(cause, TRANSIENT) || cause instanceof SQLException sql
                    && (transientState(sql.getSQLState()) || CLOSED_BY_THE_POOL.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as one line for logs and outbox_messages.last_error. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private static boolean transientState(String sqlState) {
        return sqlState != null && sqlState.length() == 5 && (TRANSIENT_SQL_STATES.contains(sqlState)
                || TRANSIENT_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2)));
    }

    private static boolean causes(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isAny(cause, types)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAny(Throwable failure, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(failure));
    }
}
