-- A flat shipping rate per destination, quoted to order-service when an order is placed (POST /api/shipping/quotes).
alter table destinations add column rate numeric(12, 2);

update destinations set rate = case country_code
  when 'US' then 9.99
  when 'CA' then 9.99
  when 'GB' then 7.99
  when 'DE' then 4.99
  when 'FR' then 5.99
  when 'NL' then 4.99
  when 'JP' then 14.99
end;

alter table destinations
  alter column rate set not null,
  add constraint destinations_rate_check check (rate >= 0);

-- One shipment per order: the natural key that makes CreateShipment and CancelShipment idempotent.
-- A row without an address is a tombstone: CancelShipment came before any shipment was created, so a late
-- CreateShipment is refused. A refused CreateShipment (undeliverable address) leaves no row: the same address gets
-- the same answer again. Address fields are text: an order's address must never fail the insert.
create table shipments (
  id          uuid        primary key,
  order_id    uuid        not null unique,
  status      varchar(16) not null check (status in ('CREATED', 'CANCELLED')),
  name        text,
  street      text,
  city        text,
  postal_code text,
  country     varchar(2),
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  version     bigint      not null,
  -- a created shipment has its whole address; a tombstone has none
  check ((name is null) = (country is null) and (street is null) = (country is null)
         and (city is null) = (country is null) and (postal_code is null) = (country is null)),
  check (status = 'CANCELLED' or country is not null)
);
