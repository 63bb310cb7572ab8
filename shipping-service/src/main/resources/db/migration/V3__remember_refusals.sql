-- Issue 10: a refused CreateShipment is remembered, as inventory remembers REJECTED and payment DECLINED. Before, a
-- refusal stored nothing, so a late redelivery of the same command (after the saga had compensated) could find the
-- carrier willing and create a shipment nobody would cancel. Now the refusal is the order's row: every later
-- CreateShipment for the order is answered with it, and CancelShipment has nothing to undo.
alter table shipments add column refusal_reason text;

alter table shipments
  drop constraint shipments_status_check,
  -- was: status = 'CANCELLED' or country is not null
  drop constraint shipments_check1,
  add constraint shipments_status_check check (status in ('CREATED', 'CANCELLED', 'REFUSED')),
  -- a created shipment has its whole address (shipments_check: all of it or none of it)
  add constraint shipments_created_has_address check (status <> 'CREATED' or country is not null),
  -- a refusal says why, and keeps no address (the one refused may be incomplete); nothing else has a reason
  add constraint shipments_refusal_has_reason check ((status = 'REFUSED') = (refusal_reason is not null)
                                                     and (status <> 'REFUSED' or country is null));
