/**
 * What the stack is and where it lives: its processes and naming rules ({@code Topology}, {@code Instance}), the ports
 * from {@code .env} ({@code DotEnv}, {@code Ports}), the folders and JVM ({@code Settings}) and what {@code up} wants
 * running ({@code StackPlan}). Plain values: no process is started or stopped here.
 */
package io.microplatform.localstack.config;
