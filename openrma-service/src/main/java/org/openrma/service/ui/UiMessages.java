package org.openrma.service.ui;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The page texts that controllers and view models compose (messages after an action, errors, refusals in words), from
 * the same bundles as the templates and in the language {@link UiLanguages} chose for the request being answered.
 */
@Component
public class UiMessages {

    private final MessageSource messages;

    public UiMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message {@code key} with its arguments, in the request's language. */
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    /** The message {@code key} if the bundle has it, else {@code fallback} (a word of a vocabulary without a translation). */
    public String orElse(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    public Locale locale() {
        return UiLanguages.supported(LocaleContextHolder.getLocale());
    }
}
