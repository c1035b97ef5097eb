package org.openrma.service.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The languages of the portal and the console. A page is in the language the visitor chose with the switcher
 * ({@code ?lang=de}, kept in a cookie), else the best of {@code Accept-Language}, else English. Only the languages
 * with a message bundle ({@code messages_<lang>.properties}) are ever chosen, so a page never mixes in a language it
 * cannot speak; the merchant's own words (policy clauses, program titles) stay as the merchant wrote them.
 */
@Configuration(proxyBeanMethods = false)
public class UiLanguages implements WebMvcConfigurer {

    /** The languages with a complete message bundle; the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    static final String COOKIE = "openrma_lang";
    static final String PARAM = "lang";

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver acceptLanguage = new AcceptHeaderLocaleResolver();
        acceptLanguage.setSupportedLocales(SUPPORTED);
        acceptLanguage.setDefaultLocale(SUPPORTED.getFirst());
        CookieLocaleResolver chosen = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        chosen.setCookieMaxAge(Duration.ofDays(365));
        chosen.setCookieSameSite("Lax");
        chosen.setCookieHttpOnly(true);
        chosen.setDefaultLocaleFunction(acceptLanguage::resolveLocale);
        // a cookie from another deployment naming a language this one lacks reads as the visitor's Accept-Language
        chosen.setRejectInvalidCookies(true);
        return chosen;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAM);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/", "/portal/**", "/console/**", "/studio/**");
    }

    /** The supported language closest to {@code locale} (its language alone), English when none is. */
    public static Locale supported(Locale locale) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(SUPPORTED.getFirst());
    }
}
