/**
 * Fault injection as the launcher knows it: the rule a {@code ./platform fault} command describes
 * ({@code FaultCommand}, the body of POST /actuator/faults) and the token that guards that endpoint on every service
 * ({@code FaultToken}). The verb that sends them is {@code cli.Fault}; the endpoint itself is service-support's.
 */
package io.microplatform.localstack.faults;
