package org.telereg.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telereg.engine.region.Divisions;
import org.telereg.engine.region.Province;

class CreditCodesTests {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static String withCheck(String first17) {
        return first17 + CreditCodes.checkCharacter(first17);
    }

    @Test
    void acceptsTheExampleOfTheStandard() {
        assertThat(CreditCodes.problemOf("91350100M000100Y43")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91110108551385082Q", "91330100799655058B"})
    void acceptsCodesPublishedOnCompanyBusinessLicences(String code) {
        assertThat(CreditCodes.problemOf(code)).isNull();
    }

    @Test
    void acceptsLowerCaseAndSurroundingSpaces() {
        assertThat(CreditCodes.problemOf("  91350100m000100y43 ")).isNull();
        assertThat(CreditCodes.normalize("  91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void acceptsCodesOfEntitiesRegisteredAtNationalLevel() {
        assertThat(CreditCodes.problemOf(withCheck("11100000MB0123456"))).isNull();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThat(CreditCodes.problemOf("91350100M000100Y44")).isEqualTo(CreditCodeProblem.BAD_CHECK_CHARACTER);
        assertThat(CreditCodes.problemOf("91350100M000100Y34")).isEqualTo(CreditCodeProblem.BAD_CHECK_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100I43", "91350100M000100O43", "9135010SM000100Y43", "91350100V000100Y43"})
    void rejectsLettersTheStandardLeavesOut(String code) {
        assertThat(CreditCodes.problemOf(code)).isEqualTo(CreditCodeProblem.BAD_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91990100M000100Y4", "91000000M000100Y4", "9135A100M000100Y4", "91200000M000100Y4"})
    void rejectsDivisionCodesOutsideAnyProvince(String first17) {
        assertThat(CreditCodes.problemOf(withCheck(first17))).isEqualTo(CreditCodeProblem.BAD_DIVISION_CODE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void reportsNothingEntered(String input) {
        assertThat(CreditCodes.problemOf(input)).isEqualTo(CreditCodeProblem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y430", "913501"})
    void rejectsCodesThatAreNotEighteenCharacters(String input) {
        assertThat(CreditCodes.problemOf(input)).isEqualTo(CreditCodeProblem.BAD_LENGTH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100m000100Y4", "91350100M000100I4"})
    void checkCharacterRefusesAnythingButSeventeenCharactersOfTheAlphabet(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.checkCharacter(input));
    }

    @Test
    void checkCharacterAgreesWithTheModulus31DefinitionOnRandomInput() {
        Random random = new Random(32100L);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder first17 = new StringBuilder(17);
            for (int i = 0; i < 17; i++) {
                first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(CreditCodes.checkCharacter(first17))
                    .as("check character of %s", first17)
                    .isEqualTo(referenceCheckCharacter(first17.toString()));
        }
    }

    /**
     * GB 32100 weights position i (from 0) by 3^i mod 31 and chooses the check value that makes the weighted sum
     * of all 18 values (the check value weighted 1) divisible by 31. Try every candidate.
     */
    private static char referenceCheckCharacter(String first17) {
        BigInteger thirtyOne = BigInteger.valueOf(31);
        for (int candidate = 0; candidate < 31; candidate++) {
            BigInteger sum = BigInteger.valueOf(candidate);
            for (int i = 0; i < 17; i++) {
                BigInteger weight = BigInteger.valueOf(3).pow(i).mod(thirtyOne);
                sum = sum.add(weight.multiply(BigInteger.valueOf(ALPHABET.indexOf(first17.charAt(i)))));
            }
            if (sum.mod(thirtyOne).signum() == 0) {
                return ALPHABET.charAt(candidate);
            }
        }
        throw new AssertionError("no check value for " + first17);
    }

    @Test
    void anyCodeWithAProvinceDivisionAndItsCheckCharacterIsValid() {
        Random random = new Random(31);
        for (int run = 0; run < 2_000; run++) {
            String code = wellFormedCode(random);
            assertThat(CreditCodes.problemOf(code)).as("problem of %s", code).isNull();
        }
    }

    @Test
    void changingAnyOneCharacterMakesAValidCodeInvalid() {
        Random random = new Random(32);
        for (int run = 0; run < 2_000; run++) {
            String code = wellFormedCode(random);
            int position = random.nextInt(18);
            int shift = 1 + random.nextInt(30);
            char original = code.charAt(position);
            char replacement = ALPHABET.charAt((ALPHABET.indexOf(original) + shift) % ALPHABET.length());
            String changed = code.substring(0, position) + replacement + code.substring(position + 1);

            assertThat(CreditCodes.problemOf(changed))
                    .as("problem of %s, changed from %s", changed, code)
                    .isNotNull();
        }
    }

    /** Two registration characters, a province, a four-digit county part, nine organisation characters, the check. */
    private static String wellFormedCode(Random random) {
        List<String> provinces =
                Divisions.standard().provinces().stream().map(Province::code).toList();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        code.append(provinces.get(random.nextInt(provinces.size())));
        for (int i = 0; i < 4; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return withCheck(code.toString());
    }
}
