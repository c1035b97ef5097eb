package org.openrma.policy.compile;

import org.openrma.policy.model.Field;
import org.openrma.policy.model.NamedField;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openrma.policy.PolicyCompiler;
import org.openrma.testing.Policies;

/** Each row of the field table is a condition key, a table key and (where it has one) a checked vocabulary, with nothing else to edit. */
class NamedFieldTests {

    private static PolicyCompiler.Result compile(String serves) {
        return PolicyCompiler.compile("test.yaml", Policies.HEADER + """
                clauses:
                  C: "The clause."
                programs:
                  - id: p
                    serves: %s
                    checks: [ { id: c, require: { kind: return }, otherwise: rejected, cites: C } ]
                """.formatted(serves));
    }

    @ParameterizedTest
    @EnumSource(NamedField.class)
    void everyFieldIsAConditionByItsShortNameAndKnownByItsName(NamedField field) {
        assertThat(compile("{ " + field.conditionKey() + ": [none] }").errors()).isEmpty();
        assertThat(Field.isKnown(field.name)).isTrue();
        assertThat(Field.of(field.conditionKey()).name()).isEqualTo(field.name);
    }

    @Test
    void aFieldWithAVocabularyRefusesAWordOutsideItAndSuggestsTheClosest() {
        assertThat(compile("{ kind: [retrun] }").errors()).singleElement().asString()
                .contains("unknown kind 'retrun' (did you mean 'return'?)");
        assertThat(compile("{ condition: [unopend] }").errors()).singleElement().asString().contains("did you mean 'unopened'");
        assertThat(compile("{ category: [anything] }").errors()).isEmpty();
    }

    @Test
    void anUnknownConditionListsEveryFieldsShortName() {
        assertThat(compile("{ custmer_tier: [gold] }").errors()).singleElement().asString()
                .contains("did you mean 'customer_tier'").contains("kind, reason, channel").contains("condition");
    }
}
