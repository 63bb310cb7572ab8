-- the effect of the test listener; deliberately no unique key, so only ProcessedMessages keeps a duplicate out
CREATE TABLE reservations (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id uuid NOT NULL,
  order_id   uuid NOT NULL
);
