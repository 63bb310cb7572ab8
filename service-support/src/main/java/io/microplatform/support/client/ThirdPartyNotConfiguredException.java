package io.microplatform.support.client;

/**
 * A third party has no URL: the service would call nobody. Thrown while the service starts, so that it refuses to
 * start instead of failing every call later; {@link ThirdPartyNotConfiguredFailureAnalyzer} says what to set.
 */
public class ThirdPartyNotConfiguredException extends IllegalStateException {

    /** The Spring profile under which a service calls the stand-in it hosts itself (local stack and demos only). */
    public static final String SIMULATED_PROFILE = "simulated-third-parties";

    private final String remote;
    private final String property;

    ThirdPartyNotConfiguredException(String remote, String property) {
        super("no URL for the third party " + remote + " (" + property + ")");
        this.remote = remote;
        this.property = property;
    }

    public String remote() {
        return remote;
    }

    /** The property that holds its URL, e.g. {@code payment.provider.base-url}. */
    public String property() {
        return property;
    }
}
