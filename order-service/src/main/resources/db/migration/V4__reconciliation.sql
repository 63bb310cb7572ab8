-- Issue 10: the reconciler (OrderReconciler) drives PENDING orders that have no saga after a while. Bookkeeping only:
-- neither the API nor the saga reads these columns, and the aggregate does not map them.
alter table orders
  -- when OrderPlaced was last published again for the order; null until the first re-announcement (created_at counts)
  add column announced_at timestamptz,
  -- when OrderStalled was sent for the order (once); null until then
  add column stalled_at   timestamptz;

-- the reconciler's and the pending-age gauge's work list: small, because orders leave it when their saga ends
create index orders_pending_created_at on orders (created_at) where status = 'PENDING';
