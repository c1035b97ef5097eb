package org.openrma.claim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A closed set of words shared by claims and policy files. Each constant is written on the wire
 * in lower snake case ({@code official_store}), which is also how policy files name it.
 */
public interface Vocabulary {

    String wire();

    static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String word) {
        if (word == null) {
            return Optional.empty();
        }
        E exact = exactly(type, word);
        if (exact != null) {
            return Optional.of(exact);
        }
        String normalized = word.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(normalized)).findFirst();
    }

    /** The constant whose wire word {@code word} is, exactly (no trimming or case folding), or null. */
    static <E extends Enum<E> & Vocabulary> E exactly(Class<E> type, String word) {
        return word == null ? null : type.cast(Words.BY_WIRE.get(type).get(word));
    }

    /** Each vocabulary's words, looked up without case folding on the common path. */
    final class Words {
        private static final ClassValue<java.util.Map<String, Object>> BY_WIRE = new ClassValue<>() {
            @Override
            protected java.util.Map<String, Object> computeValue(Class<?> type) {
                java.util.Map<String, Object> words = new java.util.HashMap<>();
                for (Object constant : type.getEnumConstants()) {
                    words.put(((Vocabulary) constant).wire(), constant);
                }
                return java.util.Map.copyOf(words);
            }
        };

        private Words() {}
    }

    static <E extends Enum<E> & Vocabulary> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::wire).collect(Collectors.joining(", "));
    }
}
