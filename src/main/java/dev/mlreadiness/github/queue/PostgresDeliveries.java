package dev.mlreadiness.github.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The deliveries seen, in PostgreSQL: a redelivery of one that is queued or was processed is skipped by every
 * replica, of one that failed is processed again. The queue settles the rows of the requests it ran; the
 * retention of the queue's settings bounds the table.
 */
public class PostgresDeliveries extends RecentDeliveries {

    private static final Logger LOG = Logger.getLogger(PostgresDeliveries.class);

    private final DataSource ds;

    public PostgresDeliveries(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean claim(String id) {
        try (Connection c = ds.getConnection()) {
            return claim(c, id);
        } catch (SQLException e) {
            // a delivery that cannot be recorded is processed rather than lost; the queue fails it if it must
            LOG.warnf("delivery %s could not be recorded, processing it: %s", id, e.getMessage());
            return true;
        }
    }

    /** Marks the delivery queued on {@code c}, unless it is queued or was processed; false then. */
    static boolean claim(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into delivery (delivery_key, state) values (?, 'queued')
                on conflict (delivery_key) do update set state = 'queued', status = null, detail = null,
                  updated_at = now()
                where delivery.state = 'failed' returning delivery_key""")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void done(String id) {
        set(id, "done");
    }

    @Override
    public void release(String id) {
        set(id, "failed");
    }

    private void set(String id, String state) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update delivery set state = ?, updated_at = now() where delivery_key = ?")) {
            s.setString(1, state);
            s.setString(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("delivery %s could not be marked %s: %s", id, state, e.getMessage());
        }
    }
}
