package org.openrma.service.web;

import org.springframework.http.HttpStatus;

/** Optimistic locking on a settings resource: the version the caller acted on, from If-Match or the body. */
public final class IfMatch {

    private IfMatch() {}

    /**
     * If-Match wins over the body's {@code version}; without either it is a 428 naming {@code whose} version
     * ("the merchant's", "the shipping settings'"), and an If-Match that is no version is a 400 naming the header.
     */
    public static int versionActedOn(String ifMatch, Integer bodyVersion, String whose) {
        Integer version = ifMatch != null ? parse(ifMatch) : bodyVersion;
        if (version == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required",
                    "send " + whose + " version, as If-Match: \"<version>\" or \"version\" in the body");
        }
        return version;
    }

    private static Integer parse(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "'" + ifMatch + "' is not a version such as \"3\"");
        }
    }
}
