-- What payment decided for each order: one row per order, the natural key that makes ChargePayment and
-- RefundPayment idempotent. CHARGED: the amount was debited; REFUNDED: and credited back; DECLINED: refused (unknown
-- customer, insufficient balance), nothing debited, kept so that a redelivered ChargePayment is declined again
-- although the balance may have changed; CANCELLED: RefundPayment came before any charge (a tombstone), so a late
-- ChargePayment is declined. No foreign key to accounts: a decline may name an unknown customer.
create table order_payments (
  order_id       uuid           primary key,
  customer_id    varchar(64),
  amount         numeric(12, 2) check (amount >= 0),
  status         varchar(16)    not null check (status in ('CHARGED', 'REFUNDED', 'DECLINED', 'CANCELLED')),
  decline_reason varchar(255),
  created_at     timestamptz    not null,
  updated_at     timestamptz    not null,
  version        bigint         not null,
  check (status = 'CANCELLED' or (customer_id is not null and amount is not null)),
  check ((status = 'DECLINED') = (decline_reason is not null))
);

-- The money that moved: at most one charge and one refund per order (GET /api/payments?orderId=).
create table payments (
  id         uuid           primary key,
  order_id   uuid           not null references order_payments (order_id),
  type       varchar(16)    not null check (type in ('CHARGE', 'REFUND')),
  amount     numeric(12, 2) not null check (amount >= 0),
  created_at timestamptz    not null,
  unique (order_id, type)
);
