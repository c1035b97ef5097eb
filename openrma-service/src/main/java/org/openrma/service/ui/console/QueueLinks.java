package org.openrma.service.ui.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue's links: the same filters with another sort order or page, so sorting keeps the filters and paging keeps
 * both. Built here rather than in the template, where an empty filter would still be written into the link.
 */
public record QueueLinks(ConsoleQueries.Filter filter, boolean mine, Order order) {

    /** A sort column and its direction; each column has the direction it starts in (SLA soonest first, the others largest/newest first). */
    public record Order(ConsoleQueries.Sort sort, boolean descending) {

        public static Order of(String sort, String dir) {
            ConsoleQueries.Sort s = ConsoleQueries.Sort.of(sort);
            boolean descending = dir == null || dir.isBlank() ? s != ConsoleQueries.Sort.SLA : "desc".equals(dir);
            return new Order(s, descending);
        }

        /** {@code aria-sort} of a column header: ascending, descending, or none when the queue is sorted by another. */
        public String ariaSort(String column) {
            return !sort.wire().equals(column) ? "none" : descending ? "descending" : "ascending";
        }
    }

    /** The link of a column header: sorted by it, in its starting direction, or the other way when it already sorts the queue. */
    public String sortBy(String column) {
        ConsoleQueries.Sort s = ConsoleQueries.Sort.of(column);
        boolean descending = s == order.sort() ? !order.descending() : s != ConsoleQueries.Sort.SLA;
        return build(s, descending, 1);
    }

    public String page(int page) {
        return build(order.sort(), order.descending(), page);
    }

    /** A page link as the template shows it: its number and link, or a gap ("…") between far-apart pages. */
    public record PageLink(Integer number, String href, boolean current) {}

    /** The first, the last and the pages around the current one. */
    public List<PageLink> pages(int current, int count) {
        List<PageLink> links = new ArrayList<>();
        int last = 0;
        for (int p = 1; p <= count; p++) {
            if (p == 1 || p == count || Math.abs(p - current) <= 2) {
                if (last != 0 && p > last + 1) {
                    links.add(new PageLink(null, null, false));
                }
                links.add(new PageLink(p, page(p), p == current));
                last = p;
            }
        }
        return links;
    }

    private String build(ConsoleQueries.Sort sort, boolean descending, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/console");
        add(b, "status", ConsoleQueries.OPEN.equals(filter.status()) ? null : filter.status());
        add(b, "sla", filter.sla());
        add(b, "reason", filter.reason());
        add(b, "program", filter.program());
        add(b, "q", filter.query());
        add(b, "mine", mine ? "1" : null);
        add(b, "sort", sort == ConsoleQueries.Sort.SLA && !descending ? null : sort.wire());
        add(b, "dir", descending == (sort != ConsoleQueries.Sort.SLA) ? null : descending ? "desc" : "asc");
        add(b, "page", page == 1 ? null : String.valueOf(page));
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }
}
