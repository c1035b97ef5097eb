package org.openrma.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.DatabaseRoundTrips;
import org.openrma.service.support.DatabaseRoundTrips.Counted;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/** Several writes sent in one round trip: in order, all or nothing, and the first failure reported. */
class WritesIntegrationTests extends IntegrationTest {

    @Autowired
    Writes writes;
    @Autowired
    TransactionTemplate tx;

    private String batch;

    @BeforeEach
    void tables() {
        jdbc.sql("create table if not exists writes_parent (id uuid primary key, batch text not null, note text)").update();
        jdbc.sql("create table if not exists writes_child (id uuid primary key, parent uuid not null references writes_parent (id))").update();
        batch = UUID.randomUUID().toString();
    }

    private Write parent(UUID id, String note) {
        return new Write("insert into writes_parent (id, batch, note) values (?, ?, ?)", id, batch, note);
    }

    private static Write child(UUID parent) {
        return new Write("insert into writes_child (id, parent) values (?, ?)", UUID.randomUUID(), parent);
    }

    private List<String> notesOfThisBatch() {
        return jdbc.sql("select coalesce(note, '(null)') from writes_parent where batch = ?").param(batch).query(String.class).list();
    }

    @Test
    void writesSentTogetherWaitForTheServerOnceAndRunInOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Counted sent = DatabaseRoundTrips.countedOnThisThread(() ->
                writes.together(parent(first, "a"), child(first), parent(second, null), child(second)));

        assertThat(sent.executes()).isEqualTo(4);
        assertThat(sent.syncs()).isEqualTo(1);
        // each child names the parent written before it in the same batch: the server ran them in the order given
        assertThat(notesOfThisBatch()).containsExactlyInAnyOrder("a", "(null)");
        assertThat(jdbc.sql("select count(*) from writes_child where parent in (?, ?)").params(first, second).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void theFirstFailingWriteIsReportedAndNothingOfTheBatchIsKept() {
        UUID kept = UUID.randomUUID();
        assertThatThrownBy(() -> writes.together(parent(kept, "before the failure"), child(UUID.randomUUID()), parent(UUID.randomUUID(), "after")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("writes_child");

        assertThat(notesOfThisBatch()).isEmpty();
    }

    @Test
    void aFailingBatchInsideATransactionRollsBackTheTransactionsEarlierWrites() {
        UUID earlier = UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            writes.one(parent(earlier, "earlier in the transaction"));
            writes.together(parent(UUID.randomUUID(), "in the batch"), child(UUID.randomUUID()));
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(notesOfThisBatch()).isEmpty();
    }

    @Test
    void aSingleWriteReportsTheRowsItChanged() {
        writes.one(parent(UUID.randomUUID(), "x"));
        assertThat(writes.one(new Write("update writes_parent set note = ? where batch = ?", "y", batch))).isEqualTo(1);
        assertThat(notesOfThisBatch()).containsExactly("y");
    }
}
