package io.microplatform.saga.domain;

/**
 * Where the saga's commands go: implemented in messaging (the transactional outbox), so a command leaves if and only
 * if the saga change that decided it commits.
 */
public interface CommandSender {

    void send(OutgoingCommand command);
}
