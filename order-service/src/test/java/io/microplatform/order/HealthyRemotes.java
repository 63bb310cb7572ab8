package io.microplatform.order;

import io.microplatform.testsupport.ClosedBreakers;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test starts and ends with {@link StubRemoteServices} answering and every breaker closed, whatever the test
 * before took down or opened: the stub and the application context are shared by all test classes of the JVM. A test
 * class that breaks the remotes is annotated {@code @ExtendWith(HealthyRemotes.class)}.
 */
public final class HealthyRemotes extends ClosedBreakers {

    @Override
    protected void reset(ExtensionContext test) {
        StubRemoteServicesInitializer.stub().recover();
        super.reset(test);
    }
}
