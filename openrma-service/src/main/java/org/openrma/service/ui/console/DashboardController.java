package org.openrma.service.ui.console;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrma.service.access.Caller;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.ui.StaffSessions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's dashboard: returns filed in a period (from–to, days in the merchant's time zone; by default the last 8
 * weeks), per week and broken down by reason, product and program, with the policy's approval rate, SLA compliance and
 * the refunds paid; the same numbers as a CSV file for a spreadsheet.
 */
@Controller
@RequestMapping("/console")
public class DashboardController {

    static final int DEFAULT_WEEKS = 8;

    private final StaffSessions sessions;
    private final Merchants merchants;
    private final ConsoleQueries queries;
    private final Clock clock;

    public DashboardController(StaffSessions sessions, Merchants merchants, ConsoleQueries queries, Clock clock) {
        this.sessions = sessions;
        this.merchants = merchants;
        this.queries = queries;
        this.clock = clock;
    }

    /** The period asked for, in the merchant's days, and what was wrong with the dates given (null when nothing). */
    record Period(LocalDate from, LocalDate to, String problem) {

        static Period of(String from, String to, LocalDate today) {
            LocalDate defaultTo = today;
            LocalDate defaultFrom = today.minusWeeks(DEFAULT_WEEKS).plusDays(1);
            LocalDate f = date(from);
            LocalDate t = date(to);
            String problem = (from != null && !from.isBlank() && f == null) || (to != null && !to.isBlank() && t == null)
                    ? "console.dashboard.bad-date" : null;
            f = f == null ? defaultFrom : f;
            t = t == null ? defaultTo : t;
            if (f.isAfter(t)) {
                return new Period(defaultFrom, defaultTo, "console.dashboard.from-after-to");
            }
            return new Period(f, t, problem);
        }

        private static LocalDate date(String text) {
            try {
                return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        ConsoleQueries.Range range(Merchant m) {
            return new ConsoleQueries.Range(from.atStartOfDay(m.timeZone()).toInstant(), to.plusDays(1).atStartOfDay(m.timeZone()).toInstant(),
                    m.timeZone());
        }

        /** The Mondays of the weeks the period touches. */
        List<LocalDate> weeks() {
            List<LocalDate> weeks = new ArrayList<>();
            for (LocalDate w = from.with(DayOfWeek.MONDAY); !w.isAfter(to); w = w.plusWeeks(1)) {
                weeks.add(w);
            }
            return weeks;
        }
    }

    /** Everything the page and the CSV show, for one merchant and period. */
    record Numbers(List<ConsoleQueries.Weekly> weeklyByReason, List<ConsoleQueries.Weekly> weeklyByProgram, List<ConsoleQueries.Weekly> weeklyRefunds,
                   List<ConsoleQueries.Share> byReason, List<ConsoleQueries.Share> byProduct, List<ConsoleQueries.Share> byProgram,
                   Map<String, Long> outcomes, long authorized, Map<String, Long> sla, Map<String, BigDecimal> refundTotals) {

        long decided() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Numbers numbers(Merchant m, ConsoleQueries.Range range) {
        List<ConsoleQueries.Weekly> refunds = queries.weeklyRefunds(m.id(), range);
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        refunds.forEach(r -> totals.merge(r.series(), r.value(), BigDecimal::add));
        return new Numbers(queries.weeklyByReason(m.id(), range), queries.weeklyByProgram(m.id(), range), refunds,
                queries.byReason(m.id(), range), queries.byProduct(m.id(), range), queries.byProgram(m.id(), range),
                queries.firstOutcomes(m.id(), range), queries.everAuthorized(m.id(), range), queries.slaCompliance(m.id(), range), totals);
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletRequest request,
                     Model model) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        Period period = Period.of(from, to, LocalDate.ofInstant(clock.instant(), m.timeZone()));
        Numbers n = numbers(m, period.range(m));
        List<LocalDate> weeks = period.weeks();
        long decided = n.decided();
        long slaTotal = n.sla().values().stream().mapToLong(Long::longValue).sum();
        model.addAttribute("merchant", m);
        model.addAttribute("staff", staff);
        model.addAttribute("nav", "dashboard");
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        model.addAttribute("zone", m.timeZone().getId());
        model.addAttribute("problem", period.problem());
        model.addAttribute("csv", org.springframework.web.util.UriComponentsBuilder.fromPath("/console/dashboard.csv")
                .queryParam("from", period.from()).queryParam("to", period.to()).toUriString());
        model.addAttribute("reasonChart", Charts.stackedWeekly("Returns by reason, per week", n.weeklyByReason(), weeks));
        model.addAttribute("programChart", Charts.stackedWeekly("Returns by program, per week", n.weeklyByProgram(), weeks));
        model.addAttribute("refundChart", Charts.stackedWeekly("Refunds paid per week, by currency", n.weeklyRefunds(), weeks));
        model.addAttribute("outcomeChart", Charts.bars("First decision by outcome", n.outcomes(), ""));
        model.addAttribute("slaChart", Charts.bars("SLA compliance (RMAs with a due date)", n.sla(), ""));
        model.addAttribute("decided", decided);
        model.addAttribute("approvalRate", decided == 0 ? "—" : Math.round(100.0 * n.outcomes().getOrDefault("approved", 0L) / decided) + " %");
        model.addAttribute("authorizedRate", decided == 0 ? "—" : Math.round(100.0 * n.authorized() / decided) + " %");
        model.addAttribute("slaRate", slaTotal == 0 ? "—" : Math.round(100.0 * (slaTotal - n.sla().getOrDefault("breached", 0L)) / slaTotal) + " %");
        Map<String, String> refundTotals = new LinkedHashMap<>();
        n.refundTotals().forEach((currency, amount) -> refundTotals.put(currency, ConsoleController.money(amount, currency)));
        model.addAttribute("refundTotals", refundTotals);
        model.addAttribute("outcomes", n.outcomes());
        model.addAttribute("sla", n.sla());
        model.addAttribute("byReason", n.byReason());
        model.addAttribute("byProduct", n.byProduct());
        model.addAttribute("byProgram", n.byProgram());
        return "console/dashboard";
    }

    /**
     * The dashboard's numbers as CSV, one table: {@code section} says what a row counts (reason, product, program,
     * first_outcome, sla, refunds, and the weekly series reason_week, program_week, refunds_week with their week's Monday).
     */
    @GetMapping("/dashboard.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               HttpServletRequest request) {
        Caller.Staff staff = sessions.require(request);
        Merchant m = merchants.get(staff.merchantId());
        Period period = Period.of(from, to, LocalDate.ofInstant(clock.instant(), m.timeZone()));
        Numbers n = numbers(m, period.range(m));
        Csv csv = new Csv().row("section", "week", "key", "title", "rmas", "units", "amount", "currency");
        n.byReason().forEach(s -> csv.row("reason", null, s.key(), null, s.rmas(), null, null, null));
        n.byProduct().forEach(s -> csv.row("product", null, s.key(), s.title(), s.rmas(), s.units(), null, null));
        n.byProgram().forEach(s -> csv.row("program", null, s.key(), null, s.rmas(), null, null, null));
        n.outcomes().forEach((k, v) -> csv.row("first_outcome", null, k, null, v, null, null, null));
        n.sla().forEach((k, v) -> csv.row("sla", null, k, null, v, null, null, null));
        n.refundTotals().forEach((currency, amount) -> csv.row("refunds", null, null, null, null, null, amount, currency));
        n.weeklyByReason().forEach(w -> csv.row("reason_week", w.week(), w.series(), null, w.value(), null, null, null));
        n.weeklyByProgram().forEach(w -> csv.row("program_week", w.week(), w.series(), null, w.value(), null, null, null));
        n.weeklyRefunds().forEach(w -> csv.row("refunds_week", w.week(), null, null, null, null, w.value(), w.series()));
        String name = "returns-" + m.slug() + "-" + period.from() + "-to-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
