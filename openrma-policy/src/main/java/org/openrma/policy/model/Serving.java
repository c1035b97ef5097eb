package org.openrma.policy.model;

import java.util.List;

/**
 * Which claims a program could serve when only the request's kind and reason are known (a form offering reasons before
 * the rest is filled in): each {@code serves} condition is read three-valued, a test of another field (dates, tags, CEL,
 * attributes) being unknown, so a program is ruled out only when its condition is false whatever the rest of the claim says.
 */
public final class Serving {

    private Serving() {}

    private enum Known { TRUE, FALSE, UNKNOWN }

    /** Whether some program of the policy could serve a claim of {@code kind}; with {@code reason} null, for any reason. */
    public static boolean mayServe(List<Program> programs, String kind, String reason) {
        return programs.stream().anyMatch(p -> given(p.serves(), kind, reason) != Known.FALSE);
    }

    private static Known given(Condition c, String kind, String reason) {
        return switch (c) {
            case Condition.All all -> {
                Known result = Known.TRUE;
                for (Condition part : all.parts()) {
                    Known k = given(part, kind, reason);
                    if (k == Known.FALSE) {
                        yield Known.FALSE;
                    }
                    if (k == Known.UNKNOWN) {
                        result = Known.UNKNOWN;
                    }
                }
                yield result;
            }
            case Condition.Any any -> {
                Known result = Known.FALSE;
                for (Condition part : any.parts()) {
                    Known k = given(part, kind, reason);
                    if (k == Known.TRUE) {
                        yield Known.TRUE;
                    }
                    if (k == Known.UNKNOWN) {
                        result = Known.UNKNOWN;
                    }
                }
                yield result;
            }
            case Condition.Not not -> switch (given(not.part(), kind, reason)) {
                case TRUE -> Known.FALSE;
                case FALSE -> Known.TRUE;
                case UNKNOWN -> Known.UNKNOWN;
            };
            case Condition.WordIn in when in.field().named() == NamedField.KIND -> in.words().contains(kind) ? Known.TRUE : Known.FALSE;
            case Condition.WordIn in when in.field().named() == NamedField.REASON && reason != null ->
                    in.words().contains(reason) ? Known.TRUE : Known.FALSE;
            default -> Known.UNKNOWN;
        };
    }
}
