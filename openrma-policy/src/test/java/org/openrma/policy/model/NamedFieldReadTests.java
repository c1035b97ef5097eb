package org.openrma.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrma.calendar.BusinessCalendar;
import org.openrma.claim.Claim;
import org.openrma.claim.ClaimedLine;
import org.openrma.testing.Claims;

class NamedFieldReadTests {

    /** Claims that give, and that leave out, every named field. */
    private static List<Claim> claims() {
        return List.of(
                Claims.aReturn().build(),
                Claims.aReturn().kind("warranty").reason("defective").tier("gold").build(),
                Claims.aReturn().with("order.channel", "marketplace").with("order.delivery_status", "delivered")
                        .with("order.shipping", Map.of("method", "expedited", "amount", "9.90"))
                        .with("request.return_shipping_method", "economy").with("request.protection_plan", "care-plus")
                        .with("request.preferred_resolution", "exchange")
                        .with("request.inspection", Map.of("received_at", "2025-03-08T10:00:00Z", "finding", "no_fault_found"))
                        .orderLine("S1", "servo", "100.00", 1).orderLine("S2", "battery", "20.00", 2).claiming("S1", 1, "opened_unused").claiming("S2", 1, "unopened").build(),
                Claims.aReturn().with("request.inspection", Map.of("received_at", "2025-03-08T10:00:00Z")).build());
    }

    @Test
    void theSwitchReadsEveryFieldAsTheTablesReaderDoes() {
        BusinessCalendar calendar = BusinessCalendar.weekendsOnly(java.time.ZoneOffset.UTC);
        int compared = 0;
        for (Claim claim : claims()) {
            List<Subject> subjects = new ArrayList<>();
            subjects.add(new Subject(claim, null, calendar, Instant.EPOCH));
            for (ClaimedLine line : claim.claimedLines()) {
                subjects.add(new Subject(claim, line, calendar, Instant.EPOCH));
            }
            for (Subject s : subjects) {
                for (NamedField f : NamedField.values()) {
                    assertThat(f.read(s)).as(f.name).isEqualTo(f.readByRow(s));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(NamedField.values().length * (2 + 2 + 3 + 2));
    }

    @Test
    void aWordTestOnAClosedVocabularyAnswersOnItsBitAsOnTheWord() {
        BusinessCalendar calendar = BusinessCalendar.weekendsOnly(java.time.ZoneOffset.UTC);
        int closed = 0;
        int tested = 0;
        for (NamedField f : NamedField.values()) {
            if (!f.closedVocabulary()) {
                continue;
            }
            closed++;
            Field field = Field.of(f.name);
            List<java.util.Set<String>> wordSets = new ArrayList<>();
            for (String word : f.allowedWords(Declarations.NONE)) {
                wordSets.add(java.util.Set.of(word));
                wordSets.add(java.util.Set.of(word, "unknown_word"));
            }
            wordSets.add(f.allowedWords(Declarations.NONE));
            for (java.util.Set<String> words : wordSets) {
                Condition.WordIn test = new Condition.WordIn(field, words);
                assertThat(test.wordBits()).as("%s %s", f.name, words).isNotEqualTo(Condition.WordIn.NO_BITS);
                for (Claim claim : claims()) {
                    Subject s = new Subject(claim, claim.claimedLines().getFirst(), calendar, Instant.EPOCH);
                    boolean byWord = words.contains(field.read(s));
                    assertThat(test.test(s, Reads.DISCARD)).as("%s %s", f.name, words).isEqualTo(byWord);
                    assertThat(test.test(s, new java.util.HashMap<>())).isEqualTo(byWord);
                    tested++;
                }
            }
        }
        assertThat(closed).isEqualTo(7);
        assertThat(tested).isGreaterThan(100);
    }

    @Test
    void aWordTestOnAVocabularyAPolicyMayAddToAnswersOnTheStandardWordsBitAsOnTheWord() {
        BusinessCalendar calendar = BusinessCalendar.weekendsOnly(java.time.ZoneOffset.UTC);
        List<Claim> claims = new ArrayList<>();
        for (String reason : List.of("defective", "changed_mind", "other", "lost_in_mail")) {
            claims.add(Claims.aReturn().reason(reason).orderLine("S1", "servo", "100.00", 1).orderLine("S2", "servo", "20.00", 1)
                    .orderLine("S3", "servo", "20.00", 1).claiming("S1", 1, "used").claiming("S2", 1, "refurbished").claiming("S3", 1, null).build());
        }
        List<java.util.Set<String>> wordSets = List.of(java.util.Set.of("defective"), java.util.Set.of("other"), java.util.Set.of("lost_in_mail"),
                java.util.Set.of("defective", "lost_in_mail", "none"), java.util.Set.of("used"), java.util.Set.of("refurbished"),
                java.util.Set.of("used", "refurbished", "none"), java.util.Set.of("none"), java.util.Set.of("unknown_word"));
        int open = 0;
        int byBit = 0;
        for (NamedField f : NamedField.values()) {
            if (!f.openVocabulary()) {
                continue;
            }
            open++;
            Field field = Field.of(f.name);
            for (java.util.Set<String> words : wordSets) {
                Condition.WordIn test = new Condition.WordIn(field, words);
                assertThat(test.standardBits()).isTrue();
                for (Claim claim : claims) {
                    for (ClaimedLine line : claim.claimedLines()) {
                        Subject s = new Subject(claim, line, calendar, Instant.EPOCH);
                        boolean byWord = words.contains(field.read(s));
                        assertThat(test.test(s, Reads.DISCARD)).as("%s %s on %s", f.name, words, field.read(s)).isEqualTo(byWord);
                        java.util.Map<String, String> read = new java.util.HashMap<>();
                        assertThat(test.test(s, read)).isEqualTo(byWord);
                        assertThat(read).containsEntry(f.name, field.read(s));
                        byBit += f.standardConstant(s) != null ? 1 : 0;
                    }
                }
            }
        }
        assertThat(open).isEqualTo(2);
        assertThat(byBit).isGreaterThan(50);
    }

    @Test
    void fieldsTheClaimGivesAreReadAndOthersAreNull() {
        Claim claim = claims().get(2);
        Subject line = new Subject(claim, claim.claimedLines().getLast(), BusinessCalendar.weekendsOnly(java.time.ZoneOffset.UTC), Instant.EPOCH);
        assertThat(NamedField.FINDING.read(line)).isEqualTo("no_fault_found");
        assertThat(NamedField.PREFERRED_RESOLUTION.read(line)).isEqualTo("exchange");
        assertThat(NamedField.LINE_CONDITION.read(line)).isEqualTo("unopened");
        assertThat(NamedField.LINE_CATEGORY.read(new Subject(claim, null, line.calendar(), Instant.EPOCH))).isNull();
    }
}
