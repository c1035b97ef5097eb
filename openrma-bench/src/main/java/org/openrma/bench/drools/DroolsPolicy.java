package org.openrma.bench.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.utils.KieHelper;
import org.openrma.claim.Claim;

/**
 * A seed policy written as Drools DRL rules (src/main/resources/drools/*.drl), compiled once into
 * a KieBase. Each decision inserts the claim's facts and an empty result into a session, fires all
 * rules and reads the result.
 */
public final class DroolsPolicy {

    private static final ConcurrentHashMap<String, DroolsPolicy> BUILT = new ConcurrentHashMap<>();

    private final String name;
    private final KieBase kieBase;
    private final KieSessionsPool pool;

    private DroolsPolicy(String name, KieBase kieBase) {
        this.name = name;
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(8);
    }

    /** {@code kst-servos} or {@code kospet-2025}; built once per JVM. */
    public static DroolsPolicy named(String name) {
        return BUILT.computeIfAbsent(name, n -> new DroolsPolicy(n, new KieHelper().addContent(drl(n), ResourceType.DRL).build()));
    }

    public String name() {
        return name;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Decides with a session from the KieBase's pool (disposing it resets it and gives it back): Drools' fastest path. */
    public RuleResult decide(Claim claim) {
        return decide(pool.newKieSession(), claim);
    }

    /** Decides with a brand-new session, the way most Drools code is written. */
    public RuleResult decideInNewSession(Claim claim) {
        return decide(kieBase.newKieSession(), claim);
    }

    private static RuleResult decide(KieSession session, Claim claim) {
        RuleResult result = new RuleResult();
        try {
            session.insert(new ClaimFacts(claim));
            session.insert(result);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return result;
    }

    private static String drl(String name) {
        try (InputStream in = DroolsPolicy.class.getResourceAsStream("/drools/" + name + ".drl")) {
            if (in == null) {
                throw new IllegalArgumentException("no DRL for " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
