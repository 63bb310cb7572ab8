package io.microplatform.support.faults;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.faults.*}: fault injection is off unless {@code enabled}; then every call to the faults endpoint
 * needs {@code token} in the {@code X-Fault-Token} header (env {@code PLATFORM_FAULTS_ENABLED}, {@code PLATFORM_FAULTS_TOKEN}).
 */
@ConfigurationProperties("platform.faults")
record FaultsProperties(boolean enabled, String token) {

    /** Fails the start-up rather than exposing an endpoint that anyone could use, or no one. */
    String requiredToken() {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "platform.faults.enabled=true needs platform.faults.token (env PLATFORM_FAULTS_TOKEN)");
        }
        return token;
    }
}
