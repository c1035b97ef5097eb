package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding an order's RMAs (every claim submission does it, under the order's lock) reads the order's RMAs and no others,
 * whatever PostgreSQL knows of the tables: the plan the driver ends up with after five executions is the generic one,
 * made without the parameters' values, and in the load test's fresh database it read the merchant's index and filtered by
 * order — 1.3 ms and ~1,900 buffers per submission after 3,700 RMAs, growing with each one. A page of one order's RMAs
 * (a customer's list, an agent's filter by order number) likewise.
 */
class RmasOfAnOrderIntegrationTests extends IntegrationTest {

    private static final Pattern INDEX = Pattern.compile("(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\\w+)");

    private static final Rmas.Filter NO_FILTER = new Rmas.Filter(null, null, null, null, null, null);

    @Autowired
    DataSource dataSource;
    @Autowired
    Rmas rmas;

    @Test
    void theRmasOfAnOrderFoundByNumberAreReadThroughTheOrderIndexOnly() throws Exception {
        assertThat(rmaIndexesOfGenericPlan(rmasStatementOf(Rmas.LOCK_BY_NUMBER), "uuid, uuid, text",
                "'00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'N-1'"))
                .containsOnly("rma_order_idx");
    }

    @Test
    void theRmasOfAnOrderGivenByIdAreReadThroughTheOrderIndexOnly() throws Exception {
        assertThat(rmaIndexesOfGenericPlan(rmasStatementOf(Rmas.LOCK_BY_ID), "uuid, uuid, uuid", "'00000000-0000-0000-0000-000000000001', "
                + "'00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'")).containsOnly("rma_order_idx");
        assertThat(rmaIndexesOfGenericPlan(Rmas.RMAS_OF_ORDER_BY_ID, "uuid, uuid",
                "'00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'"))
                .containsOnly("rma_order_idx");
    }

    @Test
    void aPageOfOneOrdersRmasReadsTheOrderIndexOnly() throws Exception {
        List<Object> params = new ArrayList<>();
        String sql = pageOf(rmas.where(UUID.randomUUID(), UUID.randomUUID(), NO_FILTER, params));
        assertThat(params).hasSize(2);
        assertThat(rmaIndexesOfGenericPlan(sql, "uuid, uuid",
                "'00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'")).containsOnly("rma_order_idx");
    }

    @Test
    void aPageFilteredByOrderNumberReadsTheOrderIndexOnly() throws Exception {
        List<Object> params = new ArrayList<>();
        String sql = pageOf(rmas.where(UUID.randomUUID(), null, new Rmas.Filter(null, null, null, null, null, "N-1"), params));
        assertThat(params).hasSize(2);
        assertThat(rmaIndexesOfGenericPlan(sql, "uuid, text", "'00000000-0000-0000-0000-000000000001', 'N-1'"))
                .containsOnly("rma_order_idx");
    }

    /** The second of the locking statements: the order's RMAs (the first, the lock, reads no RMA). */
    private static String rmasStatementOf(String lockingStatements) {
        return lockingStatements.split("; ", 2)[1];
    }

    /** A page of RMAs as {@code Rmas.list} asks for one: newest first. */
    private static String pageOf(String where) {
        return "select r.id from rma r join customer_order o on o.id = r.order_id" + where + " order by r.created_at desc, r.id limit 20";
    }

    /** The indexes of table {@code rma} (all named {@code rma_…}) that the generic plan of a statement reads. */
    private List<String> rmaIndexesOfGenericPlan(String sql, String types, String values) throws Exception {
        String numbered = sql;
        for (int n = 1; numbered.contains("?"); n++) {
            numbered = numbered.replaceFirst("\\?", "\\$" + n);
        }
        List<String> indexes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare rmas_of_order(" + types + ") as " + numbered);
            try (ResultSet plan = s.executeQuery("explain execute rmas_of_order(" + values + ")")) {
                while (plan.next()) {
                    Matcher m = INDEX.matcher(plan.getString(1));
                    while (m.find()) {
                        String index = m.group(1);
                        if (index.startsWith("rma_")) {
                            indexes.add(index);
                        }
                    }
                }
            } finally {
                s.execute("deallocate rmas_of_order");
                s.execute("reset plan_cache_mode");
            }
        }
        assertThat(indexes).as("the plan reads an index of rma").isNotEmpty();
        return indexes;
    }
}
