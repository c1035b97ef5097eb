package org.openrma.decision;

/**
 * How one program of the policy answered the claim: {@code outcome} is null when the program does
 * not serve this kind of claim at all.
 */
public record ProgramVerdict(String program, String title, Outcome outcome, String says) {

    public boolean served() {
        return outcome != null;
    }
}
