package org.openrma.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openrma.decision.PolicyVersionRef;
import org.openrma.policy.compile.Binder;
import org.openrma.policy.lint.Linter;
import org.openrma.policy.lint.SchemaCheck;
import org.openrma.policy.source.YamlSource;

/**
 * Parse, check and compile one policy file. Every problem is collected, with its line and column,
 * before anything is evaluated; a file with an error yields no policy.
 */
public final class PolicyCompiler {

    private PolicyCompiler() {}

    public record Result(Optional<CompiledPolicy> policy, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return policy.isPresent();
        }

        public List<Diagnostic> errors() {
            return diagnostics.stream().filter(Diagnostic::isError).toList();
        }
    }

    public static Result compile(String fileName, String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlSource.Parsed parsed = YamlSource.parse(fileName, text);
        diagnostics.addAll(parsed.diagnostics());
        if (parsed.root().isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new Result(Optional.empty(), diagnostics);
        }
        Binder.Bound bound = Binder.bind(fileName, parsed.root().get());
        diagnostics.addAll(bound.diagnostics());
        if (bound.model().isEmpty()) {
            return new Result(Optional.empty(), diagnostics);
        }
        // The schema is what editors validate against; a file the binder accepts but the schema
        // refuses means the two drifted apart, and that is an error too.
        List<Diagnostic> schema = SchemaCheck.check(fileName, parsed.root().get());
        diagnostics.addAll(schema);
        if (!schema.isEmpty()) {
            return new Result(Optional.empty(), diagnostics);
        }
        List<Diagnostic> lint = Linter.lint(fileName, parsed.root().get(), bound.model().get(), bound.citedClauses());
        diagnostics.addAll(lint);
        // a merchant that declares the markets it sells to hears, rule by rule, where their consumer law overrides it
        var markets = org.openrma.policy.statute.StatutoryTerms.of(fileName, text).markets();
        if (!markets.isEmpty()) {
            diagnostics.addAll(org.openrma.policy.statute.MarketLint.lint(fileName, text, markets,
                    org.openrma.policy.statute.StatuteLibrary.shared()));
        }
        List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
        var model = bound.model().get();
        var ref = new PolicyVersionRef(model.id(), model.version(), model.effectiveFrom(), sha256(text));
        return new Result(Optional.of(new CompiledPolicy(model, ref, fileName, text, warnings)), diagnostics);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
