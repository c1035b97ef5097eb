package org.openrma.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openrma.policy.PolicyCatalog;

class BuiltInPoliciesTests {

    @Test
    void compilesOnceInTheBackgroundAndEveryCallerGetsThatCatalog() {
        AtomicInteger compilations = new AtomicInteger();
        BuiltInPolicies policies = new BuiltInPolicies(() -> {
            compilations.incrementAndGet();
            return PolicyCatalog.of(List.of());
        });

        PolicyCatalog first = policies.catalog();

        assertThat(policies.catalog()).isSameAs(first);
        assertThat(compilations).hasValue(1);
    }

    @Test
    void compilesTheStatutesAfterThePoliciesOnTheSameThread() {
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        BuiltInPolicies policies = new BuiltInPolicies(() -> {
            order.add("policies on " + Thread.currentThread().getName());
            return PolicyCatalog.of(List.of());
        }, () -> {
            order.add("statutes on " + Thread.currentThread().getName());
            return org.openrma.policy.statute.StatuteLibrary.empty();
        });

        assertThat(policies.statutes().countries()).isEmpty();
        assertThat(order).containsExactly("policies on openrma-compile-builtin-policies", "statutes on openrma-compile-builtin-policies");
    }

    @Test
    void aStatuteThatFailsToCompileLeavesThePoliciesUsable() {
        BuiltInPolicies policies = new BuiltInPolicies(() -> PolicyCatalog.of(List.of()), () -> {
            throw new IllegalStateException("de.yaml:3:1: unknown field");
        });

        assertThat(policies.catalog().policyIds()).isEmpty();
        assertThatThrownBy(policies::statutes).hasMessage("de.yaml:3:1: unknown field");
    }

    @Test
    void aCompilationFailureReachesEveryCallerWithItsOwnMessage() {
        BuiltInPolicies policies = new BuiltInPolicies(() -> {
            throw new IllegalStateException("kingdo.yaml:3:1: unknown field");
        });

        assertThatThrownBy(policies::catalog).isInstanceOf(IllegalStateException.class).hasMessage("kingdo.yaml:3:1: unknown field");
        assertThatThrownBy(policies::catalog).hasMessage("kingdo.yaml:3:1: unknown field");
    }
}
