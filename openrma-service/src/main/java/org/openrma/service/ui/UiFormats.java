package org.openrma.service.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.joda.money.BigMoney;
import org.joda.money.BigMoneyProvider;
import org.joda.money.CurrencyUnit;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Money, dates and times as the pages show them, in the page's language: one style everywhere ("$189.00",
 * "189,00 $", "189,00 $US"; "Dec 16, 2026", "16.12.2026", "16 déc. 2026"), times in the merchant's time zone with the
 * zone's name. The symbols and their places come from the JDK's CLDR data for the locale; an amount is never rounded
 * for display (it shows at least the currency's minor digits). Templates use it as {@code #fmt} (see {@link Dialect}).
 */
public final class UiFormats {

    private final Locale locale;

    public UiFormats(Locale locale) {
        this.locale = locale == null ? UiLanguages.SUPPORTED.getFirst() : locale;
    }

    /** {@code 189.00} in {@code USD}: "$189.00" (en), "189,00 $" (de), "189,00 $US" (fr); empty without an amount. */
    public String money(Object amount, String currency) {
        if (amount == null || amount.toString().isBlank() || currency == null || currency.isBlank()) {
            return "";
        }
        BigDecimal value = amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString().strip());
        return money(BigMoney.of(CurrencyUnit.of(currency.strip()), value));
    }

    /** A {@code Money} or {@code BigMoney}; empty for null. */
    public String money(BigMoneyProvider amount) {
        if (amount == null) {
            return "";
        }
        BigMoney m = amount.toBigMoney();
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(Currency.getInstance(m.getCurrencyUnit().getCode()));
        int minor = Math.max(0, m.getCurrencyUnit().getDecimalPlaces());
        f.setMinimumFractionDigits(minor);
        f.setMaximumFractionDigits(Math.max(minor, m.getScale()));
        return f.format(m.getAmount());
    }

    /** A calendar day: {@code LocalDate}, or text in ISO form ("2026-12-16", or an instant, whose day is taken as written). */
    public String date(Object day) {
        LocalDate d = day(day);
        return d == null ? (day == null ? "" : day.toString()) : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
    }

    /** An instant in {@code zone}, with the zone's short name: "Dec 3, 2026, 4:36 PM UTC", "03.12.2026, 16:36 MEZ". */
    public String dateTime(Instant at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        return new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT).appendLiteral(' ')
                .appendZoneText(TextStyle.SHORT).toFormatter(locale).format(at.atZone(zone == null ? ZoneId.of("UTC") : zone));
    }

    public Locale locale() {
        return locale;
    }

    private static LocalDate day(Object day) {
        if (day instanceof LocalDate d) {
            return d;
        }
        if (day == null || day.toString().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(day.toString().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Makes {@code #fmt} a UiFormats in the page's locale (the one {@link UiLanguages} resolved for the request). */
    public static final class Dialect extends AbstractDialect implements IExpressionObjectDialect {

        public Dialect() {
            super("openrma-formats");
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {
                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of("fmt");
                }

                @Override
                public Object buildObject(IExpressionContext context, String name) {
                    return new UiFormats(context.getLocale());
                }

                @Override
                public boolean isCacheable(String name) {
                    return true;
                }
            };
        }
    }
}
