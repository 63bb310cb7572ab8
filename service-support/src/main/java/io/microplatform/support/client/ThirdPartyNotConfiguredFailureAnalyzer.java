package io.microplatform.support.client;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a third party without a URL into Boot's "APPLICATION FAILED TO START" report: what is missing, what to set. */
class ThirdPartyNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<ThirdPartyNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ThirdPartyNotConfiguredException cause) {
        return new FailureAnalysis(
                "The third party '" + cause.remote() + "' has no URL: " + cause.property() + " is not set.",
                "Set " + cause.property() + " (its environment variable is in the service's application.yml) to the "
                        + "real third party's URL, or, on the local stack and in demos only, activate the Spring "
                        + "profile '" + ThirdPartyNotConfiguredException.SIMULATED_PROFILE
                        + "' to call the simulated one this service hosts.",
                cause);
    }
}
