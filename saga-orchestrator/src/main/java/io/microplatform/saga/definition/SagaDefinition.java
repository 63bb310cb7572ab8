package io.microplatform.saga.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A saga as a step table and the rules to walk it, free of any infrastructure (after Eventuate Tram's simple DSL):
 * walk forward sending each step's command; on a business failure turn round and walk back, sending the compensation
 * of every earlier step. The failed step itself is not compensated: a refusal means the participant applied nothing.
 * A step whose participant stayed silent is compensated too, because its outcome is unknown; unless it is retriable:
 * once the saga sent a command whose effect may be final, compensating could undo what must stand, so that command is
 * re-sent until it is answered.
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

    /**
     * The saga that never started (its trigger was lost or could not be read) and only undoes what happened before
     * it would have: the compensations of the steps done before the saga, last first, with {@code reason}.
     */
    public Transition compensateBeforeStart(CancellationReason reason) {
        int firstInvoked = 0;
        while (firstInvoked < steps.size() && steps.get(firstInvoked).invoke().isEmpty()) {
            firstInvoked++;
        }
        return backwardFrom(firstInvoked - 1, Optional.of(reason));
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

    /**
     * The command of {@code position} went unanswered until its deadline. While the retry policy allows another send
     * ({@code attemptsLeft}) it is re-sent; so is a retriable step's command, however often. Otherwise a forward step
     * is given up and compensated with TIMED_OUT, itself included since its outcome is unknown, and a compensation
     * parks the saga.
     */
    public Transition unanswered(Position position, boolean attemptsLeft) {
        boolean rollsForward = position.direction() == Direction.FORWARD && step(position).retriable();
        if (attemptsLeft || rollsForward) {
            return new Transition.Resend();
        }
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
            return add(new Step(name, Optional.empty(), Optional.of(compensation), Optional.empty(), false));
        }

        /** A compensatable step: undone when a later step is refused or stays silent, or when it stays silent itself. */
        public Builder step(String name, SagaCommand invoke, SagaCommand compensation, CancellationReason failureReason) {
            return add(new Step(name, Optional.of(invoke), Optional.of(compensation), Optional.of(failureReason), false));
        }

        /**
         * A step that cannot fail for business reasons and is never undone: its command is re-sent until it is
         * answered. The first one is the saga's pivot, its point of no return: nothing before it is compensated once
         * its command was sent, so only retriable steps may follow it.
         */
        public Builder retriable(String name, SagaCommand invoke) {
            return add(new Step(name, Optional.of(invoke), Optional.empty(), Optional.empty(), true));
        }

        private Builder add(Step step) {
            if (!step.retriable() && steps.stream().anyMatch(Step::retriable)) {
                throw new IllegalStateException("step " + step.name() + " follows a retriable step, so it could "
                        + "never be compensated nor given up: only retriable steps may follow the pivot");
            }
            steps.add(step);
            return this;
        }

        public SagaDefinition build() {
            return new SagaDefinition(steps);
        }
    }
}
