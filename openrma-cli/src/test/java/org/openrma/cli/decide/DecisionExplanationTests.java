package org.openrma.cli.decide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openrma.cli.Decisions;

class DecisionExplanationTests {

    private final String text = DecisionExplanation.of(Decisions.approvedReturn().build());

    @Test
    void startsWithTheAnswerAndItsMoney() {
        assertThat(text).startsWith("Outcome: approved\nProgram: return (Returns within 7 days)\n");
        assertThat(text).contains(
                "Resolutions: refund\n",
                "Refund: USD 46.39\n",
                "Deductions:\n  - restocking_fee: USD 11.60\n",
                "Return shipping paid by: customer\n",
                "Return shipping reimbursed: USD 0.00\n",
                "Missing evidence: none\n",
                "Deadlines:\n  - claim_window_ends: 2025-03-17\n");
    }

    @Test
    void explainsEachStepWithTheValuesReadAndTheClausesQuoted() {
        assertThat(text).contains(
                "  1. return/window: passed\n"
                        + "     read: days_since_delivery=7, window_days=7\n"
                        + "     says: The return was asked for on day 7 of 7.\n"
                        + "     cites R1: \"We allow returns within 7 days of delivery.\"\n",
                "  2. return/restocking_fee [line SERVO-20]: applied\n");
    }

    @Test
    void listsEveryProgramConsideredWithItsOutcome() {
        assertThat(text).endsWith("Programs considered:\n"
                + "  - return (Returns within 7 days): approved - Returned in time.\n"
                + "  - warranty (Manufacturer's warranty): does not serve this claim - Serves warranty claims only.");
    }
}
