package org.telereg.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Clock MID_2024 =
            Clock.fixed(LocalDate.of(2024, 6, 1).atStartOfDay(CHINA).toInstant(), CHINA);

    /** The first 17 characters followed by their check character. */
    private static String withCheck(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static IdNumberCheck check(String id) {
        return IdNumbers.check(id, MID_2024);
    }

    @Test
    void acceptsOfficialExampleWithXCheckCharacter() {
        IdNumberCheck check = check("11010519491231002X");

        assertThat(check.valid()).isTrue();
        assertThat(check.kind()).isEqualTo(IdKind.RESIDENT_18);
        assertThat(check.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(check.male()).isFalse();
        assertThat(check.addressCode()).isEqualTo("110105");
        assertThat(check.normalized()).isEqualTo("11010519491231002X");
    }

    @Test
    void acceptsLowerCaseXAndSurroundingSpaces() {
        IdNumberCheck check = check("  11010519491231002x ");

        assertThat(check.valid()).isTrue();
        assertThat(check.normalized()).isEqualTo("11010519491231002X");
        assertThat(check.input()).isEqualTo("  11010519491231002x ");
    }

    @Test
    void readsSexFromTheSeventeenthDigit() {
        assertThat(check(withCheck("11010519900101001")).male()).isTrue();
        assertThat(check(withCheck("11010519900101002")).male()).isFalse();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThat(check("110105194912310021").problem()).isEqualTo(IdProblem.BAD_CHECK_CHARACTER);
        assertThat(check("110105194912310021").valid()).isFalse();
    }

    @Test
    void rejectsThirtiethOfFebruary() {
        IdNumberCheck check = check(withCheck("11010519490230001"));

        assertThat(check.problem()).isEqualTo(IdProblem.BAD_BIRTH_DATE);
        assertThat(check.birthDate()).isNull();
    }

    @Test
    void rejectsTwentyNinthOfFebruary1900ButAcceptsIt2000() {
        // 1900 is divisible by 100 but not by 400, so not a leap year; 2000 is.
        assertThat(check(withCheck("11010519000229001")).problem()).isEqualTo(IdProblem.BAD_BIRTH_DATE);
        assertThat(check(withCheck("11010520000229001")).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010518991231001", "11010519901301001", "11010519900100001", "11010519900132001"})
    void rejectsBirthDatesBefore1900OrOutsideTheCalendar(String first17) {
        assertThat(check(withCheck(first17)).problem()).isEqualTo(IdProblem.BAD_BIRTH_DATE);
    }

    @Test
    void rejectsBirthDateAfterToday() {
        assertThat(check(withCheck("11010520240602001")).problem()).isEqualTo(IdProblem.FUTURE_BIRTH_DATE);
        assertThat(check(withCheck("11010520240601001")).valid()).isTrue();
    }

    @Test
    void rejectsAddressCodeThatNeverExisted() {
        assertThat(check(withCheck("44039919900101001")).problem()).isEqualTo(IdProblem.BAD_ADDRESS_CODE);
        assertThat(check(withCheck("00000019900101001")).problem()).isEqualTo(IdProblem.BAD_ADDRESS_CODE);
    }

    @Test
    void acceptsAbolishedAddressCodeForPeopleBornWhileItWasInUse() {
        // 110110 燕山区 was last listed in December 1985 and is missing from the December 1986 list.
        assertThat(check(withCheck("11011019800101001")).valid()).isTrue();
        assertThat(check(withCheck("11011019860601001")).valid()).isTrue();
    }

    @Test
    void rejectsAddressCodeAbolishedBeforeBirth() {
        IdNumberCheck check = check(withCheck("11011019900101001"));

        assertThat(check.problem()).isEqualTo(IdProblem.ADDRESS_CODE_ABOLISHED_BEFORE_BIRTH);
        assertThat(check.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void acceptsProvinceAndCityLevelAddressCodes() {
        assertThat(check(withCheck("11000019900101001")).valid()).isTrue();
        assertThat(check(withCheck("44030019900101001")).valid()).isTrue();
    }

    @Test
    void acceptsLegacyFifteenDigitNumber() {
        IdNumberCheck check = check("110105491231002");

        assertThat(check.valid()).isTrue();
        assertThat(check.kind()).isEqualTo(IdKind.RESIDENT_15);
        assertThat(check.normalized()).isEqualTo("110105491231002");
        assertThat(check.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(check.male()).isFalse();
    }

    @Test
    void upgradesLegacyNumberToItsEighteenCharacterForm() {
        assertThat(IdNumbers.upgrade15To18("110105491231002")).isEqualTo("11010519491231002X");
        assertThat(check(IdNumbers.upgrade15To18("440305870101003")).valid()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"11010549123100X", "11010519491231002X", "1101054912310"})
    void refusesToUpgradeAnythingButFifteenDigits(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.upgrade15To18(input));
    }

    @Test
    void rejectsBadLegacyNumbers() {
        assertThat(check("11010549123100X").problem()).isEqualTo(IdProblem.BAD_CHARACTER);
        assertThat(check("110105490230001").problem()).isEqualTo(IdProblem.BAD_BIRTH_DATE);
        assertThat(check("440399900101001").problem()).isEqualTo(IdProblem.BAD_ADDRESS_CODE);
        assertThat(check("110110900101001").problem()).isEqualTo(IdProblem.ADDRESS_CODE_ABOLISHED_BEFORE_BIRTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"810000", "820000", "830000"})
    void acceptsResidencePermitsOfHongKongMacaoAndTaiwanResidents(String addressCode) {
        IdNumberCheck check = check(withCheck(addressCode + "19900101001"));

        assertThat(check.valid()).isTrue();
        assertThat(check.kind()).isEqualTo(IdKind.HK_MACAO_TAIWAN_RESIDENCE_PERMIT);
        assertThat(check.addressCode()).isEqualTo(addressCode);
    }

    @Test
    void rejectsResidencePermitWithWrongCheckCharacter() {
        String permit = withCheck("81000019900101001");
        String wrong = permit.substring(0, 17) + (permit.charAt(17) == '0' ? '1' : '0');

        assertThat(check(wrong).problem()).isEqualTo(IdProblem.BAD_CHECK_CHARACTER);
    }

    @Test
    void acceptsForeignPermanentResidenceIdOf2023() {
        // 9, issued in 44 广东, nationality 840, born 15 March 1985, sequence 12, sex digit 3.
        IdNumberCheck check = check(withCheck("94484019850315123"));

        assertThat(check.valid()).isTrue();
        assertThat(check.kind()).isEqualTo(IdKind.FOREIGN_PERMANENT_RESIDENCE_2023);
        assertThat(check.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(check.addressCode()).isEqualTo("440000");
        assertThat(check.male()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"97184019850315123", "98184019850315123", "99984019850315123", "90084019850315123"})
    void rejectsForeignIdIssuedOutsideAProvinceWithAnAdministration(String first17) {
        assertThat(check(withCheck(first17)).problem()).isEqualTo(IdProblem.BAD_ADDRESS_CODE);
    }

    @Test
    void rejectsForeignIdWithImpossibleBirthDate() {
        assertThat(check(withCheck("94484019850230123")).problem()).isEqualTo(IdProblem.BAD_BIRTH_DATE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void reportsNothingEntered(String input) {
        IdNumberCheck check = IdNumbers.check(input);

        assertThat(check.problem()).isEqualTo(IdProblem.EMPTY);
        assertThat(check.valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101051949123100", "11010519491231002X1", "12345", "11010519491231002"})
    void rejectsNumbersThatAreNeitherFifteenNorEighteenLong(String input) {
        assertThat(check(input).problem()).isEqualTo(IdProblem.BAD_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002Y", "1101051949123100X2", "11010519491231 02X", "１１0105194912310020"})
    void rejectsCharactersOtherThanDigitsAndATrailingX(String input) {
        assertThat(check(input).problem()).isEqualTo(IdProblem.BAD_CHARACTER);
    }

    @Test
    void checksAgainstTodayInChinaWithoutAClock() {
        assertThat(IdNumbers.check("11010519491231002X").valid()).isTrue();
        assertThat(IdNumbers.check(withCheck("110105"
                                + LocalDate.now(CHINA).plusDays(2).toString().replace("-", "") + "001"))
                        .problem())
                .isEqualTo(IdProblem.FUTURE_BIRTH_DATE);
    }

    @Test
    void masksAllButTheFirstSixAndLastFourCharacters() {
        assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(IdNumbers.mask("110105491231002")).isEqualTo("110105*****1002");
        assertThat(IdNumbers.mask("12345")).isEqualTo("*****");
        assertThat(IdNumbers.mask(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100X"})
    void checkCharacterRefusesAnythingButSeventeenDigits(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdNumbers.checkCharacter(input));
    }

    @Test
    void checkCharacterAgreesWithTheIso7064DefinitionOnRandomInput() {
        Random random = new Random(20240601L);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder first17 = new StringBuilder(17);
            for (int i = 0; i < 17; i++) {
                first17.append((char) ('0' + random.nextInt(10)));
            }
            assertThat(IdNumbers.checkCharacter(first17))
                    .as("check character of %s", first17)
                    .isEqualTo(referenceCheckCharacter(first17.toString()));
        }
    }

    /**
     * GB 11643 defines the check value a₁ by ISO 7064 MOD 11-2: Σ aᵢ·2^(i−1) ≡ 1 (mod 11) over all 18
     * positions, counted from the right starting at 1, with 10 written X. Try every candidate.
     */
    private static char referenceCheckCharacter(String first17) {
        BigInteger eleven = BigInteger.valueOf(11);
        for (int candidate = 0; candidate <= 10; candidate++) {
            BigInteger sum = BigInteger.valueOf(candidate);
            for (int i = 0; i < 17; i++) {
                int positionFromRight = 18 - i;
                BigInteger weight = BigInteger.TWO.pow(positionFromRight - 1);
                sum = sum.add(weight.multiply(BigInteger.valueOf(first17.charAt(i) - '0')));
            }
            if (sum.mod(eleven).equals(BigInteger.ONE)) {
                return candidate == 10 ? 'X' : (char) ('0' + candidate);
            }
        }
        throw new AssertionError("no check value for " + first17);
    }

    @Test
    void changingAnyOneDigitBreaksTheCheck() {
        Random random = new Random(20261202);
        for (int run = 0; run < 2_000; run++) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String first17 = digits.toString();
            int position = random.nextInt(17);
            int change = 1 + random.nextInt(9);
            char[] changed = first17.toCharArray();
            changed[position] = (char) ('0' + (changed[position] - '0' + change) % 10);

            assertThat(IdNumbers.checkCharacter(new String(changed)))
                    .as("check character of %s and of %s", first17, new String(changed))
                    .isNotEqualTo(IdNumbers.checkCharacter(first17));
        }
    }
}
