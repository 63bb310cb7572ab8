package io.microplatform.saga.definition;

/** Where a saga stands: the step whose command is outstanding and which way it walks. */
public record Position(int step, Direction direction) {

    public Position {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
    }
}
