package io.microplatform.localstack.console;

/** A command line the launcher does not understand: printed with the usage line, exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
