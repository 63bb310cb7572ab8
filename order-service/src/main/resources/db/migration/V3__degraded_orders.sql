-- Resilience (issue 4): which parts of an order came from a fallback because their owner was down, so that GET says
-- it as POST did. Labels joined by commas (inventory-prices, shipping-quote); '' when nothing was degraded, which is
-- also what every order stored before this migration was.
alter table orders
  add column degraded varchar(255) not null default '';
