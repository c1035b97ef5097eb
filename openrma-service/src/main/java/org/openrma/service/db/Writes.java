package org.openrma.service.db;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

/**
 * Sends several writes to PostgreSQL in one round trip: the driver splits the joined text into its statements and sends
 * them as one message batch ending in a single Sync, so the request waits for the server once instead of once per
 * statement. The server runs them in order, in the caller's transaction; the first that fails stops the rest and its
 * error is thrown here (outside a transaction, the batch is one implicit transaction: nothing of it is kept).
 */
@Component
public class Writes {

    private final JdbcTemplate jdbc;

    public Writes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs one write; the number of rows it changed. */
    public int one(Write write) {
        return jdbc.update(write.sql(), write.params().toArray());
    }

    /** Runs the writes in order, in one round trip. */
    public void together(Write... writes) {
        String sql = Arrays.stream(writes).map(Write::sql).collect(Collectors.joining(";\n"));
        Object[] params = Arrays.stream(writes).flatMap(w -> w.params().stream()).toArray();
        jdbc.execute(sql, (PreparedStatementCallback<Void>) ps -> {
            new ArgumentPreparedStatementSetter(params).setValues(ps);
            ps.execute();
            return null;
        });
    }
}
