-- One reservation per order: the natural key that makes ReserveStock and ReleaseStock idempotent.
-- status RESERVED: the lines' units are taken out of items.stock; RELEASED: given back (or, with reserved_at null,
-- released before anything was reserved: a tombstone that refuses a late ReserveStock); REJECTED: refused for lack
-- of stock, nothing taken, kept so that a redelivered ReserveStock gets the same answer although stock has changed.
create table reservations (
  order_id    uuid        primary key,
  status      varchar(16) not null check (status in ('RESERVED', 'RELEASED', 'REJECTED')),
  created_at  timestamptz not null,
  reserved_at timestamptz,
  released_at timestamptz,
  version     bigint      not null,
  check ((status = 'RESERVED') = (reserved_at is not null and released_at is null))
);

-- what the order asked for, one row per sku; no foreign key to items: a refused request may name an unknown sku
create table reservation_lines (
  order_id uuid        not null references reservations (order_id),
  sku      varchar(64) not null,
  quantity integer     not null check (quantity > 0),
  primary key (order_id, sku)
);

-- the skus a REJECTED reservation lacked, repeated in every answer to the order's ReserveStock
create table reservation_shortages (
  order_id uuid        not null references reservations (order_id),
  sku      varchar(64) not null,
  primary key (order_id, sku)
);
