package org.openrma.service.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Customer e-mail templates in {@code classpath:email/<name>.txt}: the first line is
 * {@code Subject: ...}, the rest the body; {@code ${name}} is replaced by a value.
 */
@Component
public class EmailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    public record Rendered(String subject, String body) {}

    public Optional<Rendered> render(String template, Map<String, String> values) {
        String text;
        try (InputStream in = EmailTemplates.class.getResourceAsStream("/email/" + template + ".txt")) {
            if (in == null) {
                return Optional.empty();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String filled = fill(text, values);
        int nl = filled.indexOf('\n');
        String first = filled.substring(0, nl);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("email template " + template + " must start with 'Subject:'");
        }
        return Optional.of(new Rendered(first.substring("Subject:".length()).strip(), filled.substring(nl + 1).strip() + "\n"));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
