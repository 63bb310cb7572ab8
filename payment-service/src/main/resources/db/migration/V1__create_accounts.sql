-- Customers' accounts and their demo balances. Later issues and outside checks rely on exactly these rows.
create table accounts (
  customer_id varchar(64)    primary key,
  -- a charge that would overdraw the account fails here even if two charges race
  balance     numeric(12, 2) not null check (balance >= 0)
);

insert into accounts (customer_id, balance) values
  ('alice', 10000.00),
  ('bob', 50.00);
