-- Placing orders through the API (issue 3): where an order goes, and the Idempotency-Keys of the requests.
-- NOT NULL without a default is safe: no order could be stored before this migration.
alter table orders
  add column shipping_name        varchar(255) not null,
  add column shipping_street      varchar(255) not null,
  add column shipping_city        varchar(255) not null,
  add column shipping_postal_code varchar(255) not null,
  add column shipping_country     varchar(255) not null;

-- One row per Idempotency-Key, written in the transaction that stores the order, so the key exists if and only if
-- its order does. A second request with the key gets the same order back when its fingerprint matches, 422 when not.
create table idempotency_keys (
  idempotency_key     varchar(255) primary key,
  -- SHA-256 (hex) of the canonical request (OrderRequest.fingerprint)
  request_fingerprint char(64)     not null,
  -- deferred: the key is claimed first, so that a concurrent request with the same key waits on it before doing
  -- anything else, and the order row follows in the same transaction
  order_id            uuid         not null unique references orders (id) deferrable initially deferred,
  created_at          timestamptz  not null
);
