/**
 * Supervision of the stack's processes: starting one detached ({@code InstanceLauncher}, {@code StartSession}),
 * recording it in a run file ({@code RunRecord}, {@code RunState}), waiting until it is healthy ({@code HealthProbe},
 * {@code StartupWatch}), following its log ({@code LogFollower}), signalling and stopping it ({@code Signals},
 * {@code Stopper}, {@code ProcStat}), one changing command at a time ({@code StackLock}). {@code Stack} bundles what
 * every verb works with.
 */
package io.microplatform.localstack.process;
