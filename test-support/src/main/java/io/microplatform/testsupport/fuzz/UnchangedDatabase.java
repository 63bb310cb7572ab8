package io.microplatform.testsupport.fuzz;

import javax.sql.DataSource;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails a property that passed every try but changed the database: a snapshot of every table before the first try,
 * compared with one after the last. A property that fails on its own keeps its own failure (and its shrunk sample).
 * The test class names its database:
 * <pre>
 * class SomeFuzzIT implements UnchangedDatabase.Watched {
 *     &#64;Property &#64;AddLifecycleHook(UnchangedDatabase.class) void refusesEveryHostileRequest(...)
 * </pre>
 */
public class UnchangedDatabase implements AroundPropertyHook {

    /** A test whose service's database is watched. */
    public interface Watched {

        DataSource database();

        /** Waits for what the service does in the background on its own account (sending its outbox, say). */
        default void settle() {
        }
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Watched test = (Watched) context.testInstance();
        test.settle();
        DatabaseSnapshot before = DatabaseSnapshot.of(test.database());
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
            return result;
        }
        test.settle();
        DatabaseSnapshot after = DatabaseSnapshot.of(test.database());
        return after.equals(before) ? result : result.mapToFailed(new AssertionFailedError(
                "The database changed although every request was refused", before, after));
    }
}
