/**
 * Start-up speed on a small machine: every process runs from a copy of its code in {@code $PLATFORM_HOME/app}, a
 * service's jar extracted into the CDS-friendly layout ({@code AppImages}; a rebuild never pulls files from under a
 * running JVM), and maps the AppCDS archive its first run trained ({@code ClassDataSharing}).
 */
package io.microplatform.localstack.startup;
