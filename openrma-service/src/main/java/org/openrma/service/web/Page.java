package org.openrma.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One slice of a list, in one of two modes. Page mode ({@code page}, {@code size}; the default)
 * answers {@code items}, {@code page} (from 0), {@code size} and {@code total}. Cursor mode
 * ({@code limit}, {@code starting_after}, see {@link Cursor}) answers {@code data}, and no count.
 * Both answer {@code has_more}.
 */
@Schema(description = "A slice of a list. Page mode (page, size) fills items, page, size and total; cursor mode (limit, "
        + "starting_after) fills data. Both say has_more.")
public record Page<T>(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "page mode: the items of this page") List<T> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "page mode: the page number, from 0") Integer page,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "page mode: the page size asked for") Integer size,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "page mode: how many items match in all") Long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "cursor mode: up to limit items after starting_after; "
                + "pass the last one's id as starting_after for the next slice") List<T> data,
        @Schema(description = "whether more items follow this slice") boolean hasMore) {

    public static final int MAX_SIZE = 100;

    /** A page of page mode. */
    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null, (long) page * size + items.size() < total);
    }

    /** A slice of cursor mode. */
    public static <T> Page<T> slice(List<T> data, boolean hasMore) {
        return new Page<>(null, null, null, null, data, hasMore);
    }

    /** The items of either mode. */
    public List<T> contents() {
        return items != null ? items : data;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items == null ? null : items.stream().map(f).toList(), page, size, total,
                data == null ? null : data.stream().map(f).toList(), hasMore);
    }

    /** Checks paging parameters, naming the bad one. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalid("page", "must be 0 or more (got " + page + ")");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.invalid("size", "must be from 1 to " + MAX_SIZE + " (got " + size + ")");
        }
    }
}
