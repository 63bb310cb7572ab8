-- Issue 3: the saga drives itself. It keeps what it needs to build every command (the order), the one command it
-- awaits with its deadline, the history of every command sent, and the lease that elects the deadline sweeper.
-- V1 had no writer yet, so sagas is empty and new NOT NULL columns need no defaults.

-- a parked saga is now called FAILED
UPDATE sagas SET state = 'FAILED' WHERE state = 'PARKED';

ALTER TABLE sagas
  ADD COLUMN reason                 varchar(32),
  -- the command awaited: its message id (the same on every re-send) and kind; null once the saga ended
  ADD COLUMN outstanding_command_id uuid,
  ADD COLUMN outstanding_command    varchar(32),
  ADD COLUMN attempts               integer     NOT NULL CHECK (attempts >= 0),
  ADD COLUMN deadline               timestamptz,
  -- the order, so every command can be built again after a restart
  ADD COLUMN customer_id            varchar(100)  NOT NULL,
  ADD COLUMN total                  numeric(12,2) NOT NULL CHECK (total >= 0),
  ADD COLUMN ship_to_name           varchar(200)  NOT NULL,
  ADD COLUMN ship_to_street         varchar(200)  NOT NULL,
  ADD COLUMN ship_to_city           varchar(100)  NOT NULL,
  ADD COLUMN ship_to_postal_code    varchar(20)   NOT NULL,
  ADD COLUMN ship_to_country        varchar(2)    NOT NULL,
  ADD CONSTRAINT sagas_state_known
    CHECK (state IN ('RUNNING', 'COMPENSATING', 'CONFIRMED', 'CANCELLED', 'FAILED')),
  ADD CONSTRAINT sagas_direction_known CHECK (direction IN ('FORWARD', 'BACKWARD')),
  -- a running saga always waits for exactly one command until a deadline; an ended one for nothing
  ADD CONSTRAINT sagas_waits_while_running CHECK (
    (state IN ('RUNNING', 'COMPENSATING'))
      = (outstanding_command_id IS NOT NULL AND outstanding_command IS NOT NULL AND deadline IS NOT NULL)),
  ADD CONSTRAINT sagas_reason_while_compensating CHECK (state NOT IN ('COMPENSATING', 'CANCELLED') OR reason IS NOT NULL);

-- the deadline sweeper's work list: only running sagas have a deadline
CREATE INDEX sagas_due ON sagas (deadline) WHERE deadline IS NOT NULL;
-- GET /api/sagas?state=...: oldest first; without a state: newest first
CREATE INDEX sagas_state_created ON sagas (state, created_at);
CREATE INDEX sagas_created ON sagas (created_at);

CREATE TABLE saga_order_items (
  order_id   uuid          NOT NULL REFERENCES sagas (order_id),
  line_no    integer       NOT NULL CHECK (line_no >= 0),
  sku        varchar(64)   NOT NULL,
  quantity   integer       NOT NULL CHECK (quantity > 0),
  unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0),
  PRIMARY KEY (order_id, line_no)
);

-- one row per command sent (forward or compensation); a re-send increments attempts on the same row
CREATE TABLE saga_steps (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id   uuid        NOT NULL REFERENCES sagas (order_id),
  seq        integer     NOT NULL CHECK (seq >= 0),
  name       varchar(64) NOT NULL,
  command    varchar(32) NOT NULL,
  command_id uuid        NOT NULL UNIQUE,
  direction  varchar(16) NOT NULL CHECK (direction IN ('FORWARD', 'BACKWARD')),
  attempts   integer     NOT NULL CHECK (attempts >= 1),
  sent_at    timestamptz NOT NULL,
  reply_type varchar(64),
  replied_at timestamptz,
  outcome    varchar(16) NOT NULL CHECK (outcome IN ('PENDING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT')),
  UNIQUE (order_id, seq)
);

-- Leader election for the deadline sweeper. holder is an instance id; token is the fencing token: it grows by one
-- whenever the holder changes, and every write of the sweeper re-reads it (FOR SHARE) in its own transaction and is
-- refused when it changed. expires_at is database time, so instances' clocks never have to agree.
CREATE TABLE leases (
  name       varchar(64)  PRIMARY KEY,
  holder     varchar(200),
  token      bigint       NOT NULL DEFAULT 0,
  expires_at timestamptz  NOT NULL
);
