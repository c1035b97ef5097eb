package org.openrma.policy.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value with the line and column it was written at, so every later stage (schema check,
 * binding, lint) can point the merchant at the exact place of a problem.
 */
public sealed interface Node {

    Location at();

    /** 1-based line and column in the policy file. */
    record Location(int line, int column) {}

    record Mapping(Location at, Map<String, Node> entries, Map<String, Location> keys) implements Node {
        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    record Sequence(Location at, List<Node> items) implements Node {}

    /** A scalar: {@code value} is a String, Long, java.math.BigDecimal, Boolean, or null. */
    record Scalar(Location at, Object value, String text) implements Node {
        public boolean isNull() {
            return value == null;
        }
    }
}
