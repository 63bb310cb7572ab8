package io.microplatform.contracts;

/** An instruction from the saga orchestrator to one participant; answered by exactly one {@link Reply}. */
public interface Command extends Message {
}
