/**
 * The JVM that runs PostgreSQL's helper and the Kafka broker for the local stack: one process per engine, started by
 * the launcher from its own jars, each writing a ready file once the engine is usable.
 */
package io.microplatform.localstack.infrastructure;
