package org.openrma.service.db;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One statement that changes rows, with its parameters in the order of its {@code ?} placeholders (null allowed): what
 * a repository hands out when the caller sends it with others in one round trip ({@link Writes#together}).
 */
public record Write(String sql, List<Object> params) {

    public Write {
        if (sql.isBlank()) {
            throw new IllegalArgumentException("a write needs a statement");
        }
        params = Collections.unmodifiableList(Arrays.asList(params.toArray()));
    }

    public Write(String sql, Object... params) {
        this(sql, Arrays.asList(params));
    }
}
