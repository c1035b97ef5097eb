package org.openrma.cli.conformance;

/** One expectation of a scenario the decision does not meet: the key checked, what was expected, what the decision has. */
public record Difference(String key, String expected, String actual) {

    @Override
    public String toString() {
        return key + ": expected " + expected + ", got " + actual;
    }
}
