/**
 * The verbs of {@code ./platform}: {@link io.microplatform.localstack.cli.Platform} parses the command line
 * ({@code CommandLine}) and runs one class a verb ({@code Up}, {@code Down}, {@code Ps}, {@code Logs}, {@code Restart},
 * {@code Kill}, {@code Pause}, {@code Fault}, {@code Chaos}, {@code RunDemo}). {@code LocalStackControl} hands the same
 * verbs to chaos runs and demos. Verbs depend on the packages below them (process, startup, faults, config, console);
 * nothing there depends on a verb.
 */
package io.microplatform.localstack.cli;
