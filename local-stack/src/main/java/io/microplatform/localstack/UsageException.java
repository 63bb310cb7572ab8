package io.microplatform.localstack;

/** A command line the launcher does not understand: printed with the usage line, exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
