-- The catalogue and its demo rows. Later issues and outside checks rely on exactly these rows.
create table items (
  sku   varchar(64)    primary key,
  name  varchar(255)   not null,
  price numeric(12, 2) not null check (price >= 0),
  -- the last line of defence against overselling when reservations race
  stock integer        not null check (stock >= 0)
);

insert into items (sku, name, price, stock) values
  ('KEYBOARD-01', 'Mechanical keyboard', 49.90, 100),
  ('MOUSE-01', 'Wireless mouse', 19.90, 200),
  ('MONITOR-27', '27-inch monitor', 299.00, 10),
  ('LAPTOP-14', '14-inch laptop', 1299.00, 0);
