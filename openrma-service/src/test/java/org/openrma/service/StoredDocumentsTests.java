package org.openrma.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stored claim, decision and order are JSON (the record must show exactly what was decided), but only one class
 * per document names its paths: {@code rma/ClaimDocument} the claim, {@code rma/RmaDocuments} the decision (read into
 * its records), {@code order/StoredOrder} and {@code order/OrderManagement} the order. Everything else reads them
 * through those types, so a renamed field is changed in one place.
 */
class StoredDocumentsTests {

    private static final Path SOURCES = Path.of("src/main/java/org/openrma/service");

    private static final Set<String> OWNERS = Set.of("rma/ClaimDocument.java", "rma/RmaDocuments.java", "order/StoredOrder.java",
            "order/OrderManagement.java");

    /** A JSON accessor called on something named for a stored document: {@code claim.path("request")}, {@code decision.put(...)}. */
    private static final Pattern ON_A_DOCUMENT = Pattern.compile(
            "\\b(claim|decision|stored|decided|document)\\w*(\\(\\))?\\s*\\.(path|get|has|hasNonNull|put|set|putObject|putArray|remove|withArray)\\(\"");

    /** A read of a field only the claim, the decision or the order has, whatever the variable is called. */
    private static final Pattern A_DOCUMENT_FIELD = Pattern.compile("\\.(path|has|hasNonNull)\\(\"(outcome|resolutions|refund|deductions|deadlines|"
            + "explanation|decisive_citations|needs_consent|return_shipping_reimbursed|return_shipping_paid_by|missing_evidence|policy_version|"
            + "request|inspection|submitted_at|evidence|facts|lines|placed_at|delivered_at|shipping)\"\\)");

    @Test
    void onlyTheOwningClassesNameThePathsOfAStoredClaimDecisionOrOrder() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (OWNERS.contains(name)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (ON_A_DOCUMENT.matcher(line).find() || A_DOCUMENT_FIELD.matcher(line).find()) {
                        found.add(name + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("JSON paths of a stored document outside the class that owns its shape").isEmpty();
    }
}
