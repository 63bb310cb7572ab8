-- One order saga per order. Where it stands is current_step (an index into the saga definition's step table)
-- and direction (FORWARD or BACKWARD, see io.microplatform.saga.definition).
create table sagas (
  order_id     uuid        primary key,
  state        varchar(32) not null,
  current_step integer     not null check (current_step >= 0),
  direction    varchar(16) not null,
  -- optimistic locking: a reply and the deadline may move the same saga at the same time
  version      bigint      not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
