package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostCenterCodesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "P2026-007     | P2026007",
        "p2026-007     | P2026007",
        "1001          | 1001",
        "PRJ 42        | PRJ42",
        "Été-12        | ETE12",
        "ABCDEFGH      | ABCDEFGH",
    })
    void aNumberThatFitsIsItsOwnCode(String number, String code) {
        assertThat(CostCenterCodes.candidate(number, 0)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PRJ-2026-00042, 00042", "ABCDEFGHI, EFGHI", "2026/000123/X, 0123X"})
    void aLongNumberKeepsItsLastFiveCharactersAndAddsAHash(String number, String tail) {
        String code = CostCenterCodes.candidate(number, 0);

        assertThat(code).hasSize(8).startsWith(tail).matches("[A-Z0-9]{8}");
    }

    @Test
    void twoNumbersThatShortenAlikeGetDifferentCodes() {
        String first = CostCenterCodes.candidate("PROJECT-2026-00042", 0);
        String second = CostCenterCodes.candidate("OTHERPROJECT-2026-00042", 0);

        assertThat(first.substring(0, 5)).isEqualTo(second.substring(0, 5));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theRuleIsDeterministic() {
        assertThat(CostCenterCodes.candidates("PRJ-2026-00042", 5))
                .isEqualTo(CostCenterCodes.candidates("PRJ-2026-00042", 5));
    }

    @Test
    void laterCandidatesAreDistinctLegalCodesThatKeepTheRecognisablePart() {
        List<String> candidates = CostCenterCodes.candidates("P2026-007", 10);

        assertThat(candidates).hasSize(10).doesNotHaveDuplicates().first().isEqualTo("P2026007");
        assertThat(candidates.subList(1, 10)).allSatisfy(code -> assertThat(code).hasSize(8)
                .startsWith("26007").matches("[A-Z0-9]{8}"));
    }

    @Test
    void aShortNumberTakenInExactIsFollowedByItselfPlusAHash() {
        assertThat(CostCenterCodes.candidate("100", 1)).hasSize(8).startsWith("100");
    }

    @Test
    void numbersThatNormaliseAlikeStillHaveDifferentSecondCandidates() {
        assertThat(CostCenterCodes.candidate("P-1", 0)).isEqualTo(CostCenterCodes.candidate("P 1", 0));
        assertThat(CostCenterCodes.candidate("P-1", 1)).isNotEqualTo(CostCenterCodes.candidate("P 1", 1));
    }

    @Test
    void everyCandidateOfManyNumbersFitsExactsCodeLimit() {
        IntStream.range(0, 500).mapToObj(i -> "PROJ-" + i + "-" + "X".repeat(i % 13))
                .flatMap(n -> CostCenterCodes.candidates(n, 3).stream())
                .forEach(code -> assertThat(code).matches("[A-Z0-9]{1,8}"));
    }
}
