package org.openrma.service.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Measures the server time of every UI request (controller, queries and template rendering) and
 * logs it as {@code ui GET /console/rmas/{id} 200 12.3 ms}. Keeps the slowest and the latest time
 * per route so tests and operators can check the 200 ms budget; logs a warning above it.
 */
public class PageTimings extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PageTimings.class);
    public static final double BUDGET_MS = 200;

    /** Times of one route: how often it was served, the slowest and the latest, in milliseconds. */
    public record Timing(long count, double maxMs, double lastMs) {}

    private final Map<String, Timing> timings = new ConcurrentHashMap<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/portal") || path.startsWith("/console") || path.startsWith("/studio"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            double ms = (System.nanoTime() - start) / 1_000_000.0;
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
            timings.merge(route, new Timing(1, ms, ms), (a, b) -> new Timing(a.count() + 1, Math.max(a.maxMs(), b.maxMs()), b.lastMs()));
            if (ms > BUDGET_MS) {
                log.warn("ui {} {} {} ms (over the {} ms budget)", route, response.getStatus(), String.format("%.1f", ms), BUDGET_MS);
            } else {
                log.info("ui {} {} {} ms", route, response.getStatus(), String.format("%.1f", ms));
            }
        }
    }

    /** Every route served so far, sorted. */
    public Map<String, Timing> snapshot() {
        return new TreeMap<>(timings);
    }

    public void clear() {
        timings.clear();
    }
}
