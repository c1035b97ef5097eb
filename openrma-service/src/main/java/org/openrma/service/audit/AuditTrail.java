package org.openrma.service.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openrma.service.access.Caller;
import org.openrma.service.db.Write;
import org.openrma.service.db.Writes;
import org.openrma.service.web.Json;
import org.openrma.service.web.Cursor;
import org.openrma.service.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * The append-only audit trail: who did what, when, to which entity, with the state before and
 * after. Rows are written in the same transaction as the change; a trigger rejects UPDATE/DELETE.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Writes writes;

    public AuditTrail(JdbcClient jdbc, Clock clock, Writes writes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writes = writes;
    }

    public record AuditEvent(long id, Instant at, String actor, String action, String entityType, String entityId,
                             JsonNode before, JsonNode after) {}

    public void record(Caller caller, String action, String entityType, Object entityId, Object before, Object after) {
        writes.one(recording(caller, action, entityType, entityId, before, after));
    }

    /** The event's row, to be sent with the rows of the change it records ({@link Writes#together}). */
    public Write recording(Caller caller, String action, String entityType, Object entityId, Object before, Object after) {
        return new Write("""
                insert into audit_event (merchant_id, at, actor, action, entity_type, entity_id, before, after)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""",
                caller.merchantId(), Timestamp.from(clock.instant()), caller.name(), action, entityType, String.valueOf(entityId),
                before == null ? null : Json.write(before), after == null ? null : Json.write(after));
    }

    public Page<AuditEvent> list(UUID merchantId, String entityType, String entityId, int page, int size) {
        StringBuilder where = new StringBuilder(" where merchant_id = ?");
        List<Object> params = new ArrayList<>(List.of(merchantId));
        if (entityType != null) {
            where.append(" and entity_type = ?");
            params.add(entityType);
        }
        if (entityId != null) {
            where.append(" and entity_id = ?");
            params.add(entityId);
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEvent> items = jdbc.sql("select * from audit_event" + where + " order by id limit ? offset ?").params(pageParams)
                .query(AuditTrail::map).list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Cursor mode: the events after event {@code cursor.startingAfter()}, oldest first like pages (ids
     * grow with time). The cursor must be one of the merchant's events matching the same entity filter.
     */
    public Page<AuditEvent> list(UUID merchantId, String entityType, String entityId, Cursor cursor) {
        StringBuilder where = new StringBuilder(" where merchant_id = ?");
        List<Object> params = new ArrayList<>(List.of(merchantId));
        if (entityType != null) {
            where.append(" and entity_type = ?");
            params.add(entityType);
        }
        if (entityId != null) {
            where.append(" and entity_id = ?");
            params.add(entityId);
        }
        if (cursor.startingAfter() != null) {
            long after = cursor.key(Long::parseLong);
            if (jdbc.sql("select count(*) from audit_event" + where + " and id = ?").params(concat(params, after)).query(Long.class).single() == 0) {
                throw Cursor.unknown(cursor.startingAfter());
            }
            where.append(" and id > ?");
            params.add(after);
        }
        params.add(cursor.limit() + 1);
        return cursor.slice(jdbc.sql("select * from audit_event" + where + " order by id limit ?").params(params).query(AuditTrail::map).list());
    }

    private static List<Object> concat(List<Object> params, Object more) {
        List<Object> all = new ArrayList<>(params);
        all.add(more);
        return all;
    }

    private static AuditEvent map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                Json.read(rs.getString("before")), Json.read(rs.getString("after")));
    }
}
