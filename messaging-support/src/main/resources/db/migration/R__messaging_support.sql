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

-- (the sweep's work list used to be this index; it now leaves parked rows out too, below)
DROP INDEX IF EXISTS outbox_messages_unpublished;
-- retention: published rows older than messaging.outbox.retention are deleted
CREATE INDEX IF NOT EXISTS outbox_messages_published ON outbox_messages (published_at) WHERE published_at IS NOT NULL;

-- issue 12: consumers recognise a redelivery by their effect's natural key (one reservation, charge, shipment per
-- order; the saga's outstanding command id) alone, so the register of processed message ids is gone. This file owns
-- messaging-support's tables and Flyway re-runs it on every change, so the drop lives here, not in each service
DROP TABLE IF EXISTS processed_messages;

-- issue 10: the order's vector clock travels with every message (header vector-clock), so the row keeps it for the
-- relay and the sweep; rows written before have none and are sent without the header
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS vector_clock text;
-- a row the broker keeps refusing for the row itself (too large, topic invalid, not authorized) is parked after
-- messaging.outbox.max-attempts such refusals: never sent or retried again, counted in the gauge outbox.parked
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS parked_at timestamptz;
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS last_error text;
-- refusals of the record itself so far; attempts counts every try, also those the broker never answered
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS refusals integer NOT NULL DEFAULT 0;

-- the sweep's work list, in its order: small, because published and parked rows leave it
CREATE INDEX IF NOT EXISTS outbox_messages_due ON outbox_messages (attempts, created_at)
  WHERE published_at IS NULL AND parked_at IS NULL;

-- this service's latest vector clock per order (VectorClock text form). Locked by the first transaction that touches
-- the order's clock, so the service's instances act as one process per order
CREATE TABLE IF NOT EXISTS causal_clocks (
  order_id   uuid        PRIMARY KEY,
  clock      text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- retention: clocks of orders untouched for messaging.consumer.processed-retention are deleted
CREATE INDEX IF NOT EXISTS causal_clocks_updated_at ON causal_clocks (updated_at);

-- every effect this service applied (CausalHistory.record), with the order's vector clock at that moment: what the
-- chaos checker compares to prove no effect happened before its cause
CREATE TABLE IF NOT EXISTS causal_effects (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    uuid        NOT NULL,
  effect      text        NOT NULL,
  clock       text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX IF NOT EXISTS causal_effects_order_id ON causal_effects (order_id);
CREATE INDEX IF NOT EXISTS causal_effects_recorded_at ON causal_effects (recorded_at);
