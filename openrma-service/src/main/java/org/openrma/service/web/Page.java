package org.openrma.service.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
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
