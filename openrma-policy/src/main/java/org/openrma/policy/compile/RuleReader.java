package org.openrma.policy.compile;

import org.openrma.policy.model.Condition;
import org.openrma.policy.model.Declarations;
import org.openrma.policy.model.Field;
import java.util.List;
import org.openrma.decision.Citation;
import org.openrma.policy.source.Node;

/**
 * A reader of rule parts (windows and deadlines, money rules) that hold conditions, name fields and cite clauses:
 * the declarations, condition reader and clause table they share.
 */
abstract sealed class RuleReader extends Reading permits MoneyRuleReader, WindowReader {

    final Declarations declarations;
    private final ConditionReader conditions;
    private final Clauses clauses;

    RuleReader(Sink sink, Declarations declarations, ConditionReader conditions, Clauses clauses) {
        super(sink);
        this.declarations = declarations;
        this.conditions = conditions;
        this.clauses = clauses;
    }

    final Condition condition(Node node) {
        return conditions.condition(node);
    }

    final Field field(Node node) {
        return conditions.field(node);
    }

    final List<Citation> cites(Node.Mapping m) {
        return clauses.cites(m);
    }
}
