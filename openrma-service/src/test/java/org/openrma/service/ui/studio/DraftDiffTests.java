package org.openrma.service.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DraftDiffTests {

    private static String lines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void aChangedLineIsOneHunkWithTwoLinesOfContextEachSide() {
        DraftDiff d = DraftDiff.of(lines(20), lines(20).replace("line 10\n", "line ten\n"));
        assertThat(d.added()).isEqualTo(1);
        assertThat(d.removed()).isEqualTo(1);
        assertThat(d.hunks()).hasSize(1);
        assertThat(d.hunks().getFirst().lines()).extracting(l -> l.marker() + l.text())
                .containsExactly(" line 8", " line 9", "-line 10", "+line ten", " line 11", " line 12");
        assertThat(d.hunks().getFirst().lines().get(3).newNumber()).isEqualTo(10);
    }

    @Test
    void changesFarApartAreSeparateHunksAndNearOnesOneHunk() {
        assertThat(DraftDiff.of(lines(30), lines(30).replace("line 3\n", "x\n").replace("line 25\n", "y\n")).hunks()).hasSize(2);
        assertThat(DraftDiff.of(lines(30), lines(30).replace("line 3\n", "x\n").replace("line 7\n", "y\n")).hunks()).hasSize(1);
    }

    @Test
    void sameTextHasNoHunksAndANewFileIsAllAdded() {
        assertThat(DraftDiff.of(lines(5), lines(5)).same()).isTrue();
        DraftDiff fresh = DraftDiff.of("", lines(3));
        assertThat(fresh.added()).isEqualTo(4);
        assertThat(fresh.removed()).isZero();
    }
}
