package io.microplatform.localstack;

/** A failure the user can act on: printed as one line {@code platform: <message>}, exit code 1. */
final class PlatformException extends RuntimeException {

    PlatformException(String message) {
        super(message);
    }

    PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
