-- Issue 10: every accepted order ends. An order whose OrderPlaced never became a saga (lost, parked in order-service's
-- outbox, or breaking the field limits) gets a saga that only cancels it. Such a saga knows nothing of its order, so
-- the order's columns become nullable; the CHECKs below say exactly when they may be missing.

ALTER TABLE sagas
  ALTER COLUMN customer_id         DROP NOT NULL,
  ALTER COLUMN total               DROP NOT NULL,
  ALTER COLUMN ship_to_name        DROP NOT NULL,
  ALTER COLUMN ship_to_street      DROP NOT NULL,
  ALTER COLUMN ship_to_city        DROP NOT NULL,
  ALTER COLUMN ship_to_postal_code DROP NOT NULL,
  ALTER COLUMN ship_to_country     DROP NOT NULL,
  ADD CONSTRAINT sagas_reason_known
    CHECK (reason IN ('OUT_OF_STOCK', 'PAYMENT_DECLINED', 'SHIPPING_FAILED', 'TIMED_OUT', 'REJECTED')),
  -- the order is known whole or not at all
  ADD CONSTRAINT sagas_order_whole_or_missing CHECK (
    num_nonnulls(customer_id, total, ship_to_name, ship_to_street, ship_to_city, ship_to_postal_code, ship_to_country)
      IN (0, 7)),
  -- without the order a saga can only cancel it: it never walks forward, it stands at the place-order step (index 0
  -- of OrderSaga's table) sending CancelOrder, because the order stalled (TIMED_OUT) or could not be read (REJECTED)
  ADD CONSTRAINT sagas_without_order_only_cancel CHECK (
    customer_id IS NOT NULL
      OR (state IN ('COMPENSATING', 'CANCELLED', 'FAILED') AND direction = 'BACKWARD' AND current_step = 0
          AND reason IN ('TIMED_OUT', 'REJECTED'))),
  -- a rejected order's details are never kept: they did not fit
  ADD CONSTRAINT sagas_rejected_without_order CHECK (reason IS DISTINCT FROM 'REJECTED' OR customer_id IS NULL);
