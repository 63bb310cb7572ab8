package io.microplatform.localstack;

/** A failure the user can act on: printed as one line {@code platform: <message>}, exit code 1. */
final class PlatformException extends RuntimeException {

    private final boolean reported;

    PlatformException(String message) {
        this(message, null, false);
    }

    PlatformException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private PlatformException(String message, Throwable cause, boolean reported) {
        super(message, cause);
        this.reported = reported;
    }

    /** Prints the line now (before a slow clean-up, so the cause shows at once) and returns it marked as printed. */
    PlatformException reportNow() {
        if (!reported) {
            System.err.println(Platform.PREFIX + getMessage());
        }
        return reported ? this : new PlatformException(getMessage(), this, true);
    }

    boolean reported() {
        return reported;
    }
}
