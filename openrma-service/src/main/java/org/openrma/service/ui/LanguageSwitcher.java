package org.openrma.service.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switcher of every page's header: one link per language, named in that language, that opens the same page
 * in it ({@code ?lang=}, which {@link UiLanguages} keeps in a cookie). A page answered to a form post links back to the
 * page the form was on, since the post itself cannot be repeated by a link.
 */
@ControllerAdvice(basePackages = "org.openrma.service.ui")
public class LanguageSwitcher {

    /** A language: its code ({@code de}), its own name ("Deutsch"), the link, and whether the page is in it. */
    public record Language(String code, String name, String href, boolean current) {}

    @ModelAttribute("languages")
    List<Language> languages(HttpServletRequest request) {
        Locale current = UiLanguages.supported(LocaleContextHolder.getLocale());
        String page = page(request);
        return UiLanguages.SUPPORTED.stream().map(l -> new Language(l.getLanguage(), capitalized(l.getDisplayLanguage(l), l),
                UriComponentsBuilder.fromUriString(page).replaceQueryParam(UiLanguages.PARAM, l.getLanguage()).build().toUriString(),
                l.equals(current))).toList();
    }

    private static String page(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                if (from.getRawPath() != null && from.getRawPath().startsWith("/") && !from.getRawPath().startsWith("//")) {
                    return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // a malformed Referer: fall back to the front door below
            }
        }
        return "/";
    }

    private static String capitalized(String name, Locale l) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }
}
