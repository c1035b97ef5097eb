package org.openrma.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openrma.claim.Claim;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.ConditionCode;
import org.openrma.policy.model.ConditionGroup;
import org.openrma.policy.model.PolicyModel;
import org.openrma.policy.model.Program;
import org.openrma.policy.model.Reads;
import org.openrma.policy.model.Rules;
import org.openrma.policy.model.Subject;
import org.openrma.policy.model.Unevaluable;
import org.openrma.policy.source.YamlSource;
import org.openrma.testing.Claims;

/** A policy's conditions compiled to bytecode answer exactly as their trees do, and every sample policy decides by its code. */
class ConditionCodeTests {

    private static final Path POLICIES = Path.of("").toAbsolutePath().getParent().resolve("policies");

    private enum Answer { HOLDS, FAILS, UNEVALUABLE }

    private static PolicyModel bound(String name, String text) {
        Binder.Bound bound = Binder.bind(name, YamlSource.parse(name, text).root().orElseThrow());
        assertThat(bound.diagnostics().stream().filter(d -> d.isError()).toList()).as(name).isEmpty();
        return bound.model().orElseThrow();
    }

    /** Every condition a program holds directly: what it serves, its checks, its windows' and evidence rules' conditions. */
    private static List<Condition> conditions(PolicyModel policy) {
        List<Condition> all = new ArrayList<>();
        for (Program p : policy.programs()) {
            all.add(p.serves());
            p.checks().forEach(c -> all.add(c.condition()));
            p.evidence().forEach(e -> all.add(e.when()));
            if (p.window() != null) {
                all.add(p.window().when());
            }
        }
        return all;
    }

    /** A return for each reason (defective, changed_mind), channel (official store, marketplace) and order attributes given. */
    private static List<Claim> returnsFor(List<Map<String, Object>> attributesEach) {
        List<Claim> claims = new ArrayList<>();
        for (String reason : List.of("defective", "changed_mind")) {
            for (String channel : List.of("official_store", "marketplace")) {
                for (Map<String, Object> attributes : attributesEach) {
                    claims.add(Claims.aReturn().reason(reason).with("order.channel", channel).with("order.attributes", attributes).build());
                }
            }
        }
        return claims;
    }

    private static Answer byTree(Condition c, Subject s) {
        try {
            Condition tree = c instanceof Condition.Compiled compiled ? compiled.source() : c;
            return tree.test(s, Reads.DISCARD) ? Answer.HOLDS : Answer.FAILS;
        } catch (Unevaluable e) {
            return Answer.UNEVALUABLE;
        }
    }

    private static Answer byCode(Condition.Compiled c, Subject s) {
        return switch (c.slot().code().test(c.index(), s)) {
            case ConditionCode.HOLDS -> Answer.HOLDS;
            case ConditionCode.FAILS -> Answer.FAILS;
            case ConditionCode.UNEVALUABLE -> Answer.UNEVALUABLE;
            default -> throw new AssertionError("not an answer");
        };
    }

    @Test
    void allAnyAndNotAnswerAsTheTreesDoWhenAPartCannotBeEvaluated() {
        PolicyModel policy = bound("logic.yaml", """
                policy: code-test
                version: "1"
                effective_from: 2020-01-01
                attributes:
                  order.attributes.vip: { type: boolean }
                  order.attributes.score: { type: number }
                clauses:
                  C1: "Rules under test."
                programs:
                  - id: return
                    serves: { kind: [return, warranty] }
                    checks:
                      - { id: all-of, require: { all: [ { order.attributes.vip: true }, { reason: defective } ] }, otherwise: rejected, cites: C1 }
                      - { id: any-of, require: { any: [ { order.attributes.vip: true }, { reason: defective } ] }, otherwise: rejected, cites: C1 }
                      - { id: not-any, require: { not: { any: [ { order.attributes.score: { at_least: 5 } }, { channel: marketplace } ] } }, otherwise: rejected, cites: C1 }
                      - { id: nested, require: { any: [ { all: [ { order.attributes.vip: false }, { order.attributes.score: { below: 3 } } ] }, { not: { reason: changed_mind } } ] }, otherwise: needs_review, cites: C1 }
                      - { id: mapping, if: { reason: defective, channel: marketplace, order.attributes.vip: true }, then: needs_review, cites: C1 }
                """);
        List<Claim> claims = returnsFor(List.of(Map.of(), Map.of("vip", "true"), Map.of("vip", "false"), Map.of("score", "7"),
                Map.of("vip", "false", "score", "2"), Map.of("vip", "yes", "score", "many")));
        Set<Answer> seen = EnumSet.noneOf(Answer.class);
        int compared = 0;
        for (Condition c : conditions(policy)) {
            assertThat(c).isInstanceOf(Condition.Compiled.class);
            Condition.Compiled compiled = (Condition.Compiled) c;
            assertThat(compiled.slot().installed()).isTrue();
            for (Claim claim : claims) {
                Subject s = new Subject(claim, claim.claimedLines().getFirst(), policy.calendar(), Instant.EPOCH);
                Answer tree = byTree(c, s);
                assertThat(byCode(compiled, s)).as("%s on %s", compiled.source(), claim.order().attributes()).isEqualTo(tree);
                seen.add(tree);
                compared++;
            }
        }
        assertThat(seen).as("the claims reach every answer").containsExactlyInAnyOrder(Answer.values());
        assertThat(compared).isEqualTo(6 * claims.size());
    }

    @Test
    void everySamplePolicyDecidesItsConditionsByCodeThatAgreesWithItsTrees() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(POLICIES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        List<Claim> claims = List.of(Claims.aReturn().build(), Claims.aReturn().reason("defective").build(),
                Claims.aReturn().kind("warranty").reason("defective").submittedAt("2026-01-06T09:00:00Z").build(),
                Claims.aReturn().kind("cancellation").reason("changed_mind").build());
        for (Path file : files) {
            PolicyModel policy = bound(file.getFileName().toString(), Files.readString(file));
            List<Condition> conditions = conditions(policy);
            assertThat(conditions).as(file.toString()).isNotEmpty();
            for (Condition c : conditions) {
                if (c.equals(Condition.ALWAYS)) {
                    continue;                                              // always holds: nothing to compile
                }
                assertThat(c).as(file.toString()).isInstanceOf(Condition.Compiled.class);
                Condition.Compiled compiled = (Condition.Compiled) c;
                assertThat(compiled.slot().installed()).as(file.toString()).isTrue();
                for (Claim claim : claims) {
                    Subject s = new Subject(claim, claim.claimedLines().getFirst(), policy.calendar(), claim.request().submittedAt());
                    assertThat(byCode(compiled, s)).as("%s: %s", file, compiled.source()).isEqualTo(byTree(c, s));
                }
            }
        }
    }

    /** The answers of conditions asked one by one of their trees, as a group gives them. */
    private static long byTrees(List<Condition> conditions, Subject s) {
        long answers = 0;
        for (int i = 0; i < conditions.size(); i++) {
            switch (byTree(conditions.get(i), s)) {
                case HOLDS -> answers |= 1L << i;
                case FAILS -> { }
                case UNEVALUABLE -> {
                    return ConditionGroup.UNTOLD;
                }
            }
        }
        return answers;
    }

    private static List<Condition> lineRuleConditions(Program p) {
        return Program.lineRuleConditions(p.window(), p.deadlines(), p.checks(), p.evidence());
    }

    @Test
    void aProgramsLineRulesAnsweredTogetherGiveEachConditionsOwnAnswerOrNoneWhenOneCannotBeEvaluated() {
        PolicyModel policy = bound("group.yaml", """
                policy: group-test
                version: "1"
                effective_from: 2020-01-01
                attributes:
                  order.attributes.vip: { type: boolean }
                clauses:
                  C1: "Rules under test."
                programs:
                  - id: return
                    serves: { kind: return }
                    window: { from: delivered, within: 30 days, when: { not: { reason: defective } }, cites: C1 }
                    checks:
                      - { id: vip, require: { order.attributes.vip: true }, otherwise: needs_review, cites: C1 }
                      - { id: always, if: true, then: approved, cites: C1 }
                      - { id: marketplace, if: { channel: marketplace }, then: rejected, cites: C1 }
                    evidence:
                      - { id: photos, when: { reason: defective }, all_of: [photo], cites: C1 }
                    deadlines:
                      - { name: ship_back_by, from: rma_issued, within: 14 days, when: { reason: changed_mind }, cites: C1 }
                """);
        Program program = policy.programs().getFirst();
        List<Condition> conditions = lineRuleConditions(program);
        assertThat(program.lineRules()).isNotNull();
        assertThat(program.lineRules().size()).isEqualTo(conditions.size()).isEqualTo(6);
        assertThat(program.checkRule(1)).as("window, one deadline, then the checks").isEqualTo(3);
        assertThat(program.evidenceRule(0)).isEqualTo(5);
        Set<Long> seen = new java.util.HashSet<>();
        for (Claim claim : returnsFor(List.of(Map.of(), Map.of("vip", "true"), Map.of("vip", "false"), Map.of("vip", "maybe")))) {
            Subject s = new Subject(claim, claim.claimedLines().getFirst(), policy.calendar(), claim.request().submittedAt());
            long answers = program.lineRules().answers(s);
            assertThat(answers).as("%s", claim).isEqualTo(byTrees(conditions, s));
            seen.add(answers);
        }
        assertThat(seen).as("some claims cannot be told, and the others differ").contains(ConditionGroup.UNTOLD).hasSizeGreaterThan(4);
    }

    @Test
    void everySamplePolicysProgramsAnswerTheirLineRulesTogetherAsTheirTreesDo() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(POLICIES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<Claim> claims = List.of(Claims.aReturn().build(), Claims.aReturn().reason("defective").build(),
                Claims.aReturn().kind("warranty").reason("defective").submittedAt("2026-01-06T09:00:00Z").build(),
                Claims.aReturn().kind("cancellation").reason("changed_mind").build());
        int programs = 0;
        for (Path file : files) {
            PolicyModel policy = bound(file.getFileName().toString(), Files.readString(file));
            for (Program program : policy.programs()) {
                assertThat(program.lineRules()).as("%s: %s", file, program.id()).isNotNull();
                assertThat(program.lineRules().slot().installed()).isTrue();
                for (Claim claim : claims) {
                    Subject s = new Subject(claim, claim.claimedLines().getFirst(), policy.calendar(), claim.request().submittedAt());
                    assertThat(program.lineRules().answers(s)).as("%s: %s", file, program.id()).isEqualTo(byTrees(lineRuleConditions(program), s));
                }
                programs++;
            }
        }
        assertThat(programs).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aRuleWithoutConditionIsNotCompiled() {
        PolicyModel policy = bound("plain.yaml", """
                policy: plain
                version: "1"
                effective_from: 2020-01-01
                clauses: { C1: "Anything goes." }
                programs:
                  - id: return
                    serves: true
                    checks:
                      - { id: always, if: true, then: approved, cites: C1 }
                """);
        Rules.Check check = policy.programs().getFirst().checks().getFirst();

        assertThat(policy.programs().getFirst().serves()).isSameAs(Condition.ALWAYS);
        assertThat(check.condition()).isSameAs(Condition.ALWAYS);
    }
}
