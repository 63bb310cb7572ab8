/**
 * Start-up speed on a small machine: every process runs from a copy of its code in {@code $PLATFORM_HOME/app}, a
 * Spring Boot jar extracted into the CDS-friendly layout ({@code AppImages}; a rebuild never pulls files from under a
 * running JVM), with an AppCDS archive trained on a service's first run and mapped into the next ones
 * ({@code ClassDataSharing}).
 */
package io.microplatform.localstack.startup;
