package org.openrma.policy.lint;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openrma.policy.Diagnostic;
import org.openrma.policy.source.Node;
import org.openrma.policy.source.YamlSource;

/** Validates a policy file against the published JSON Schema ({@code schema/policy.schema.json}). */
public final class SchemaCheck {

    private static final Schema SCHEMA = load();

    private SchemaCheck() {}

    private static Schema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/openrma/policy.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("policy.schema.json is missing from the engine jar");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Diagnostic> check(String file, Node root) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Error e : SCHEMA.validate(YamlSource.toJson(root))) {
            List<Object> path = new ArrayList<>();
            var location = e.getInstanceLocation();
            for (int i = 0; i < location.getNameCount(); i++) {
                path.add(location.getElement(i));
            }
            Node at = YamlSource.locate(root, path);
            String message = "schema: " + e.getMessage();
            if (seen.add(at.at() + message)) {
                out.add(new Diagnostic(Diagnostic.Severity.ERROR, file, at.at().line(), at.at().column(), message));
            }
        }
        return out;
    }
}
