package io.microplatform.saga.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A saga as a step table and the rules to walk it, free of any infrastructure (after Eventuate Tram's simple DSL):
 * walk forward sending each step's command; on a business failure turn round and walk back, sending the compensation
 * of every earlier step. The failed step itself is not compensated: a refusal means the participant applied nothing.
 * A step whose participant stayed silent is compensated too, because its outcome is unknown.
 */
public final class SagaDefinition {

    private final List<Step> steps;

    private SagaDefinition(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Step> steps() {
        return steps;
    }

    public Step step(Position position) {
        return steps.get(position.step());
    }

    public Transition start() {
        return forwardFrom(0);
    }

    /** The participant applied the command of {@code position}: forward goes on, backward keeps undoing. */
    public Transition succeeded(Position position) {
        return position.direction() == Direction.FORWARD
                ? forwardFrom(position.step() + 1)
                : backwardFrom(position.step() - 1, Optional.empty());
    }

    /** The participant refused the forward command of {@code position} for a business reason and applied nothing. */
    public Transition failed(Position position) {
        if (position.direction() == Direction.BACKWARD) {
            // compensations are built to always succeed; a refusal means something is badly wrong
            return new Transition.Park();
        }
        CancellationReason reason = step(position).failureReason().orElseThrow(() -> new IllegalStateException(
                "step " + step(position).name() + " cannot fail, yet its command was refused"));
        return backwardFrom(position.step() - 1, Optional.of(reason));
    }

    /** Every re-send of the command of {@code position} went unanswered. */
    public Transition gaveUp(Position position) {
        return position.direction() == Direction.FORWARD
                ? backwardFrom(position.step(), Optional.of(CancellationReason.TIMED_OUT))
                : new Transition.Park();
    }

    private Transition forwardFrom(int index) {
        for (int i = index; i < steps.size(); i++) {
            Optional<SagaCommand> command = steps.get(i).invoke();
            if (command.isPresent()) {
                return new Transition.Send(new Position(i, Direction.FORWARD), command.get(), Optional.empty());
            }
        }
        return new Transition.Confirm();
    }

    private Transition backwardFrom(int index, Optional<CancellationReason> reason) {
        for (int i = index; i >= 0; i--) {
            Optional<SagaCommand> compensation = steps.get(i).compensation();
            if (compensation.isPresent()) {
                return new Transition.Send(new Position(i, Direction.BACKWARD), compensation.get(), reason);
            }
        }
        return new Transition.Cancel();
    }

    public static final class Builder {

        private final List<Step> steps = new ArrayList<>();

        /** A step that happened before the saga started and only needs undoing. */
        public Builder alreadyDone(String name, SagaCommand compensation) {
            steps.add(new Step(name, Optional.empty(), Optional.of(compensation), Optional.empty()));
            return this;
        }

        public Builder step(String name, SagaCommand invoke, SagaCommand compensation, CancellationReason failureReason) {
            steps.add(new Step(name, Optional.of(invoke), Optional.of(compensation), Optional.of(failureReason)));
            return this;
        }

        /** A last step that cannot fail for business reasons and needs no undoing. */
        public Builder finalStep(String name, SagaCommand invoke) {
            steps.add(new Step(name, Optional.of(invoke), Optional.empty(), Optional.empty()));
            return this;
        }

        public SagaDefinition build() {
            return new SagaDefinition(steps);
        }
    }
}
