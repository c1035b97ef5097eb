package org.openrma.service.rma;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * An acknowledged write is committed before the response leaves: a separate connection (as a new
 * instance after a crash would use) sees it the moment the 201 arrives.
 */
class DurabilityIntegrationTests extends IntegrationTest {

    @Test
    void anAcknowledgedClaimIsAlreadyCommittedWhenTheResponseArrives() throws Exception {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = submit(m, Claims.kingdoUnopenedDay60("KGD-DU1"));
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), "");
             var s = c.prepareStatement("select status, (select count(*) from decision d where d.rma_id = r.id), "
                     + "(select count(*) from audit_event a where a.entity_id = r.id::text) from rma r where r.id = ?::uuid")) {
            s.setString(1, rma.get("id").asString());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualToIgnoringCase(rma.get("status").asString());
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
        }
    }
}
