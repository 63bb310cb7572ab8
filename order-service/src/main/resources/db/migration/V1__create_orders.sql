-- Orders and their lines. No demo data: orders are placed through the API.
create table orders (
  id            uuid           primary key,
  customer_id   varchar(64)    not null,
  status        varchar(32)    not null,
  -- why a cancelled order was cancelled (OUT_OF_STOCK, PAYMENT_DECLINED, ...); null otherwise
  reason        varchar(255),
  -- the lines plus shipping
  total         numeric(12, 2) not null check (total >= 0),
  shipping_cost numeric(12, 2) not null check (shipping_cost >= 0),
  created_at    timestamptz    not null,
  updated_at    timestamptz    not null,
  -- optimistic locking: the API and the saga's replies may change an order at the same time
  version       bigint         not null
);

create index orders_customer_id_idx on orders (customer_id);

create table order_items (
  order_id   uuid           not null references orders (id) on delete cascade,
  sku        varchar(64)    not null,
  quantity   integer        not null check (quantity > 0),
  unit_price numeric(12, 2) not null check (unit_price >= 0),
  -- one line per sku: ordering the same item twice is one line with a larger quantity
  primary key (order_id, sku)
);
