package io.microplatform.localstack.chaos;

import io.microplatform.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Outbox rows that no broker accepts, written straight into a service's outbox as if the service had committed them: a
 * payload above the producer's max.request.size (1 MiB), so every send is refused for the record itself. The relay must
 * park each after messaging.outbox.max-attempts refusals (gauge outbox.parked, alert OutboxParked) while the rows
 * behind it keep flowing. The rows are keyed by ids no order has and typed so that the checker tells them from the
 * service's own rows; should one ever be sent, its consumers dead-letter the unknown type.
 */
final class UnpublishableRows {

    static final String TYPE = "chaos.Unpublishable";
    private static final int PAYLOAD_CHARACTERS = 1_200_000;

    private UnpublishableRows() {
    }

    /** The key of the run's n-th row: the checker finds the run's rows again without remembering them. */
    static UUID key(String runId, int n) {
        return UUID.nameUUIDFromBytes((runId + "-unpublishable-" + n).getBytes(StandardCharsets.UTF_8));
    }

    static void insert(StackControl stack, String service, String runId, int count) throws SQLException {
        String payload = "{\"chaos\":\"" + runId + "\",\"padding\":\"" + "x".repeat(PAYLOAD_CHARACTERS) + "\"}";
        try (Connection db = DataSet.connect(stack.database(service.replace('-', '_')));
                PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_messages "
                        + "(topic, message_key, message_type, payload) VALUES (?, ?, ?, ?)")) {
            for (int n = 0; n < count; n++) {
                insert.setString(1, Topics.SAGA_REPLIES);
                insert.setObject(2, key(runId, n));
                insert.setString(3, TYPE);
                insert.setString(4, payload);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Deletes the parked rows of this and earlier runs once judged: they proved their point, and left in place they
     * would keep the service's outbox.parked gauge up (and OutboxParked firing) for good.
     */
    static void removeParked(StackControl stack) throws SQLException {
        for (String database : Snapshot.DATABASES) {
            try (Connection db = DataSet.connect(stack.database(database));
                    PreparedStatement delete = db.prepareStatement(
                            "DELETE FROM outbox_messages WHERE message_type = ? AND parked_at IS NOT NULL")) {
                delete.setString(1, TYPE);
                delete.executeUpdate();
            }
        }
    }
}
