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
            case Condition.All all -> combined(all.parts(), Known.FALSE, Known.TRUE, kind, reason);
            case Condition.Any any -> combined(any.parts(), Known.TRUE, Known.FALSE, kind, reason);
            case Condition.Compiled compiled -> given(compiled.source(), kind, reason);
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

    /** {@code all} (one false part decides) or {@code any} (one true part decides); else unknown if a part is, else {@code otherwise}. */
    private static Known combined(List<Condition> parts, Known decisive, Known otherwise, String kind, String reason) {
        Known result = otherwise;
        for (Condition part : parts) {
            Known k = given(part, kind, reason);
            if (k == decisive) {
                return decisive;
            }
            if (k == Known.UNKNOWN) {
                result = Known.UNKNOWN;
            }
        }
        return result;
    }
}
