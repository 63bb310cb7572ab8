-- the effect of the test listener, keyed by the command that asked for it (see InventoryCommandsListener)
CREATE TABLE reservations (
  message_id uuid PRIMARY KEY,
  order_id   uuid NOT NULL
);
