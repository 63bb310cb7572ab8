package io.microplatform.localstack.console;

/** A failure the user can act on: printed as one line {@code platform: <message>}, exit code 1. */
public final class PlatformException extends RuntimeException {

    /** How each line the launcher prints about a failure starts. */
    public static final String PREFIX = "platform: ";

    private final boolean reported;

    public PlatformException(String message) {
        this(message, null, false);
    }

    public PlatformException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private PlatformException(String message, Throwable cause, boolean reported) {
        super(message, cause);
        this.reported = reported;
    }

    /** Prints the line now (before a slow clean-up, so the cause shows at once) and returns it marked as printed. */
    public PlatformException reportNow() {
        if (!reported) {
            System.err.println(PREFIX + getMessage());
        }
        return reported ? this : new PlatformException(getMessage(), this, true);
    }

    public boolean reported() {
        return reported;
    }
}
