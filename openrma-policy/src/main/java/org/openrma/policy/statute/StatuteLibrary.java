package org.openrma.policy.statute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.openrma.claim.Claim;
import org.openrma.policy.CompiledPolicy;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.PolicyCompiler;
import org.openrma.policy.PolicyLoadException;

/**
 * The statutory packs: consumer law of each country, written as policies in the same language as a
 * merchant's and versioned the same way (the version in force when the order was placed applies).
 * A pack applies to a claim when the buyer's country is the pack's, the merchant sells to that
 * market, and (for packs that say so) the buyer is a consumer.
 */
public final class StatuteLibrary {

    private static final String BUILT_IN_INDEX = "/openrma/statutes/index.txt";

    private final PolicyCatalog catalog;
    /** Pack policy ids by country. */
    private final Map<String, List<String>> byCountry;
    private final Map<CompiledPolicy, StatutoryTerms> terms = new ConcurrentHashMap<>();

    private StatuteLibrary(PolicyCatalog catalog, Map<String, List<String>> byCountry) {
        this.catalog = catalog;
        this.byCountry = byCountry;
    }

    public static StatuteLibrary empty() {
        return new StatuteLibrary(PolicyCatalog.of(List.of()), Map.of());
    }

    /** Every {@code *.yaml} pack below a folder; a file without a {@code statute} header is an error. */
    public static StatuteLibrary load(Path directory) {
        List<String[]> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                sources.add(new String[] {directory.relativize(f).toString(), Files.readString(f)});
            }
        } catch (IOException e) {
            throw new PolicyLoadException(List.of(new Diagnostic(Diagnostic.Severity.ERROR, directory.toString(), 0, 0,
                    "cannot read statute folder: " + e.getMessage())));
        }
        return compile(sources);
    }

    /** The built-in packs, loaded once on first use (the linter holds declared markets against them). */
    public static StatuteLibrary shared() {
        return Shared.LIBRARY;
    }

    private static final class Shared {
        static final StatuteLibrary LIBRARY = builtIn();
    }

    /** The packs shipped inside the engine's jar. */
    public static StatuteLibrary builtIn() {
        List<String[]> sources = new ArrayList<>();
        for (String name : resource(BUILT_IN_INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            sources.add(new String[] {name, resource("/openrma/statutes/" + name)});
        }
        return compile(sources);
    }

    private static StatuteLibrary compile(List<String[]> sources) {
        List<CompiledPolicy> compiled = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, List<String>> byCountry = new TreeMap<>();
        for (String[] s : sources) {
            PolicyCompiler.Result result = PolicyCompiler.compile(s[0], s[1]);
            errors.addAll(result.errors());
            result.policy().ifPresent(p -> {
                StatutoryTerms t = StatutoryTerms.of(p);
                if (!t.isPack()) {
                    errors.add(new Diagnostic(Diagnostic.Severity.ERROR, s[0], 1, 1,
                            "a statutory pack needs a 'statute' header naming its country, e.g. statute: { country: DE }"));
                    return;
                }
                compiled.add(p);
                List<String> ids = byCountry.computeIfAbsent(t.country(), k -> new ArrayList<>());
                if (!ids.contains(p.id())) {
                    ids.add(p.id());
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new PolicyLoadException(errors);
        }
        return new StatuteLibrary(PolicyCatalog.of(compiled), byCountry);
    }

    private static String resource(String path) {
        try (InputStream in = StatuteLibrary.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " in the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The countries with a pack. */
    public Set<String> countries() {
        return byCountry.keySet();
    }

    /** The pack versions in force for a country at an instant (the order's placement). */
    public List<CompiledPolicy> inForce(String country, Instant at) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (String id : byCountry.getOrDefault(country, List.of())) {
            catalog.versionInForce(id, at).ifPresent(out::add);
        }
        return out;
    }

    /** The latest version of each pack of a country (what the linter holds a merchant's clauses against). */
    public List<CompiledPolicy> latest(String country) {
        return byCountry.getOrDefault(country, List.of()).stream().map(id -> catalog.versions(id).getLast()).toList();
    }

    /**
     * The packs that apply to a claim: the buyer's country has a pack, the merchant sells to that
     * market, the pack's version is in force for the order, and the buyer is a consumer when the
     * pack is for consumers only (a claim that does not say is treated as a consumer's: the law's
     * protection is the safer assumption, and the explanation names the assumption).
     */
    public List<CompiledPolicy> applicable(Claim claim, Collection<String> markets) {
        Optional<String> country = claim.legal().countryCode();
        if (country.isEmpty() || !markets.contains(country.get())) {
            return List.of();
        }
        List<CompiledPolicy> out = new ArrayList<>();
        for (CompiledPolicy pack : inForce(country.get(), claim.order().placedAt())) {
            if (terms(pack).consumersOnly() && Boolean.FALSE.equals(claim.legal().consumer())) {
                continue;
            }
            out.add(pack);
        }
        return out;
    }

    public StatutoryTerms terms(CompiledPolicy pack) {
        return terms.computeIfAbsent(pack, StatutoryTerms::of);
    }
}
