package org.openrma.service.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cursor paging (Stripe's {@code starting_after}/{@code limit}): the next {@code limit} items after
 * the one named by {@code startingAfter}, in the list's own stable order (newest first, ties by id).
 * Unlike page numbers, a cursor does not skip or repeat items when new ones are created while a
 * client walks the list. The cursor is an id the caller saw in the same list; an id it cannot see
 * (unknown, another merchant's, another order's) is refused naming {@code starting_after}, with the
 * same answer in every case.
 */
public record Cursor(String startingAfter, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** What the query parameters {@code limit} and {@code starting_after} are documented as, for every list. */
    public static final String LIMIT_DESCRIPTION = "Cursor mode: how many items to answer (1 to " + MAX_LIMIT + ", default "
            + DEFAULT_LIMIT + "). Cannot be combined with page or size.";
    public static final String STARTING_AFTER_DESCRIPTION = "Cursor mode: the id of the last item of the previous slice; "
            + "the answer starts right after it. Cannot be combined with page or size.";

    /**
     * Cursor mode when {@code limit} or {@code startingAfter} is given, else empty (page mode, with
     * {@code page}/{@code size} or their defaults). Mixing the two modes is refused.
     */
    public static Optional<Cursor> of(Integer page, Integer size, String startingAfter, Integer limit) {
        if (startingAfter == null && limit == null) {
            return Optional.empty();
        }
        if (page != null || size != null) {
            throw ApiProblem.invalid(startingAfter != null ? "starting_after" : "limit",
                    "cursor paging (limit, starting_after) cannot be combined with page or size");
        }
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be from 1 to " + MAX_LIMIT + " (got " + l + ")");
        }
        if (startingAfter != null && startingAfter.isBlank()) {
            throw ApiProblem.invalid("starting_after", "must be the id of an item of this list");
        }
        return Optional.of(new Cursor(startingAfter, l));
    }

    /** The refusal for a cursor the caller cannot see: the same for unknown ids and other tenants' ids. */
    public static ApiProblem unknown(String startingAfter) {
        return ApiProblem.invalid("starting_after", "'" + startingAfter + "' is not an item of this list");
    }

    /** The cursor as a typed id; a cursor that is not one names no item of the list. */
    public <K> K key(Function<String, K> parse) {
        try {
            return parse.apply(startingAfter);
        } catch (RuntimeException e) {
            throw unknown(startingAfter);
        }
    }

    /** The slice from rows fetched with {@code limit + 1}: the extra row only says there is more. */
    public <T> Page<T> slice(List<T> fetched) {
        boolean more = fetched.size() > limit;
        return Page.slice(more ? List.copyOf(fetched.subList(0, limit)) : fetched, more);
    }
}
