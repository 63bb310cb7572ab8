package io.microplatform.contracts;

import java.util.List;
import java.util.UUID;

/**
 * A participant's answer to a {@link Command}. {@link #inReplyTo()} names the command answered, so the orchestrator
 * can ignore a reply that does not belong to the step a saga is in.
 */
public interface Reply extends Message {

    UUID inReplyTo();

    /** True when the participant applied the command's effect; false is a business refusal with nothing applied. */
    boolean succeeded();

    @Override
    default List<String> violations() {
        return Violations.ofIds(this).require(inReplyTo() != null, "inReplyTo is missing").list();
    }

    /** The participant applied the command's effect. */
    interface Applied extends Reply {
        @Override
        default boolean succeeded() {
            return true;
        }
    }

    /** A business refusal: nothing was applied, so the step that sent the command is not compensated. */
    interface Refused extends Reply {
        @Override
        default boolean succeeded() {
            return false;
        }
    }
}
