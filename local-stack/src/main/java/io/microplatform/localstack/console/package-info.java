/**
 * How the launcher talks to people: lines and colours ({@code Terminal}), tables ({@code Table}), a failure the user
 * can act on as one line with exit code 1 ({@code PlatformException}) and a command line it does not understand, exit
 * code 2 ({@code UsageException}). Every other package of the launcher uses these.
 */
package io.microplatform.localstack.console;
