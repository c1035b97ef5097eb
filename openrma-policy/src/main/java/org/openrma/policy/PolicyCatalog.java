package org.openrma.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.openrma.claim.Claim;
import org.openrma.decision.Decision;
import org.openrma.decision.Detail;

/**
 * Every version of every policy loaded, each compiled once. The version that decides a claim is
 * the one in force when the order was placed.
 */
public final class PolicyCatalog {

    /** Where the sample policies are packaged inside the engine's jar. */
    private static final String BUILT_IN_INDEX = "/openrma/policies/index.txt";

    private final Map<String, List<CompiledPolicy>> versionsById;
    // the ids in order, for listing them; versionsById, hashed, for the look-up every decision makes
    private final Set<String> policyIds;

    private PolicyCatalog(Map<String, List<CompiledPolicy>> versionsById) {
        this.versionsById = Map.copyOf(versionsById);
        this.policyIds = Collections.unmodifiableSet(new TreeSet<>(versionsById.keySet()));
    }

    public static PolicyCatalog of(List<CompiledPolicy> policies) {
        Map<String, List<CompiledPolicy>> byId = new TreeMap<>();
        for (CompiledPolicy p : policies) {
            byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
        }
        byId.replaceAll((id, versions) -> versions.stream().sorted(Comparator.comparing(CompiledPolicy::effectiveFrom)).toList());
        return new PolicyCatalog(byId);
    }

    /** Loads every {@code *.yaml} file below a folder; fails with all errors of all files. */
    public static PolicyCatalog load(Path directory) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new PolicyLoadException(List.of(new Diagnostic(Diagnostic.Severity.ERROR, directory.toString(), 0, 0,
                    "cannot read policy folder: " + e.getMessage())));
        }
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new Source(directory.relativize(file).toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return compileAll(sources);
    }

    /** The sample policies shipped with OpenRMA. */
    public static PolicyCatalog builtIn() {
        List<Source> sources = new ArrayList<>();
        for (String name : resource(BUILT_IN_INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            sources.add(new Source(name, resource("/openrma/policies/" + name)));
        }
        return compileAll(sources);
    }

    private static PolicyCatalog compileAll(List<Source> sources) {
        List<CompiledPolicy> compiled = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Source s : sources) {
            PolicyCompiler.Result result = PolicyCompiler.compile(s.name(), s.text());
            result.policy().ifPresent(compiled::add);
            errors.addAll(result.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        checkVersionsDistinct(compiled, errors);
        if (!errors.isEmpty()) {
            throw new PolicyLoadException(errors);
        }
        return of(compiled);
    }

    private static void checkVersionsDistinct(List<CompiledPolicy> compiled, List<Diagnostic> errors) {
        Map<String, CompiledPolicy> seen = new TreeMap<>();
        for (CompiledPolicy p : compiled) {
            String key = p.id() + "@" + p.effectiveFrom();
            CompiledPolicy other = seen.putIfAbsent(key, p);
            if (other != null) {
                errors.add(new Diagnostic(Diagnostic.Severity.ERROR, p.fileName(), 1, 1, "policy '" + p.id()
                        + "' already has a version in force from " + p.effectiveFrom() + " (" + other.fileName() + ")"));
            }
        }
    }

    private static String resource(String path) {
        try (InputStream in = PolicyCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " in the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> policyIds() {
        return policyIds;
    }

    /** All versions of a policy, oldest first. */
    public List<CompiledPolicy> versions(String policyId) {
        List<CompiledPolicy> versions = versionsById.get(policyId);
        if (versions == null) {
            throw new UnknownPolicyException(policyId, policyIds);
        }
        return versions;
    }

    /** The version in force at an instant (the order's placement), judged in each version's time zone. */
    public Optional<CompiledPolicy> versionInForce(String policyId, Instant orderPlacedAt) {
        return Optional.ofNullable(inForce(versions(policyId), orderPlacedAt));
    }

    /** The last of the versions (oldest first) in force at the instant, or null: indexed, with no Optional per decision. */
    private static CompiledPolicy inForce(List<CompiledPolicy> versions, Instant orderPlacedAt) {
        CompiledPolicy inForce = null;
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).inForceAt(orderPlacedAt)) {
                inForce = versions.get(i);
            }
        }
        return inForce;
    }

    /**
     * Decides a claim with the version in force when its order was placed. An order placed before
     * the policy's first version is left to review rather than judged by a later text.
     */
    public Decision decide(String policyId, Claim claim, Instant now) {
        return decide(policyId, claim, now, Detail.FULL);
    }

    public Decision decide(String policyId, Claim claim, Instant now, Detail detail) {
        List<CompiledPolicy> versions = versions(policyId);
        CompiledPolicy version = inForce(versions, claim.order().placedAt());
        return version != null ? version.decide(claim, now, detail) : versions.getFirst().noVersionInForce(claim);
    }

    private record Source(String name, String text) {}
}
