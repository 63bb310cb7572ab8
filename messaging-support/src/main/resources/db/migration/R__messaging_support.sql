-- Tables of messaging-support (io.microplatform.messaging), applied by every service's Flyway from the default
-- location. A repeatable migration, so it never clashes with a service's own V1, V2...; Flyway re-runs it whenever
-- this file changes, so every statement must be idempotent (add columns with ADD COLUMN IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS outbox_messages (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic        text        NOT NULL,
  message_key  uuid        NOT NULL,
  message_type text        NOT NULL,
  -- text, not jsonb: the relay sends exactly the JSON written at send time (jsonb would reorder its keys)
  payload      text        NOT NULL,
  -- W3C traceparent of the request that sent the message, so a later send still continues its trace
  trace_parent text,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at timestamptz,
  attempts     integer     NOT NULL DEFAULT 0
);

-- the sweep's work list: small, because published rows leave it
CREATE INDEX IF NOT EXISTS outbox_messages_unpublished ON outbox_messages (created_at) WHERE published_at IS NULL;
-- retention: published rows older than messaging.outbox.retention are deleted
CREATE INDEX IF NOT EXISTS outbox_messages_published ON outbox_messages (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS processed_messages (
  consumer     text        NOT NULL,
  message_id   uuid        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (consumer, message_id)
);

CREATE INDEX IF NOT EXISTS processed_messages_processed_at ON processed_messages (processed_at);
