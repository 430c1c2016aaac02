package org.telereg.engine.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telereg.engine.region.Divisions;

class PhoneNumbersTests {

    private final PhoneNumbers numbers = PhoneNumbers.standard();

    @Test
    void findsChinaMobileAndBeijingForA138Number() {
        PhoneLookup lookup = numbers.lookup("13800138000");

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.kind()).isEqualTo(NumberKind.MOBILE);
        assertThat(lookup.national()).isEqualTo("13800138000");
        assertThat(lookup.carrier()).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(lookup.carrier().chineseName()).isEqualTo("中国移动");
        assertThat(lookup.region()).isEqualTo("北京市");
        assertThat(lookup.provinceCode()).isEqualTo("11");
    }

    @Test
    void findsTheHomeCityOfAShenzhenMobile() {
        PhoneLookup lookup = numbers.lookup("13410001234");

        assertThat(lookup.region()).isEqualTo("广东省深圳市");
        assertThat(lookup.provinceCode()).isEqualTo("44");
        assertThat(lookup.carrier()).isEqualTo(Carrier.CHINA_MOBILE);
    }

    @Test
    void findsChinaBroadnetForA192NumberWithoutKnowingItsRegion() {
        PhoneLookup lookup = numbers.lookup("19212345678");

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.carrier()).isEqualTo(Carrier.CHINA_BROADNET);
        assertThat(lookup.carrier().chineseName()).isEqualTo("中国广电");
        assertThat(lookup.region()).isNull();
        assertThat(lookup.provinceCode()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "15012345678, CHINA_MOBILE",
        "15312345678, CHINA_TELECOM",
        "15612345678, CHINA_UNICOM",
        "17001234567, CHINA_TELECOM",
        "17041234567, CHINA_UNICOM",
        "17051234567, CHINA_MOBILE",
        "19012345678, CHINA_TELECOM",
        "19612345678, CHINA_UNICOM",
        "19812345678, CHINA_MOBILE"
    })
    void takesTheCarrierOfTheLongestMatchingPrefix(String number, Carrier carrier) {
        assertThat(numbers.lookup(number).carrier()).isEqualTo(carrier);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+86 138 0013 8000",
                "+8613800138000",
                "0086 138 0013 8000",
                "0086-138-0013-8000",
                "8613800138000",
                "86 138 0013 8000",
                "138-0013-8000",
                "(138) 0013 8000",
                " 13800138000 ",
                "013800138000"
            })
    void acceptsTheWaysPeopleWriteAMobileNumber(String input) {
        PhoneLookup lookup = numbers.lookup(input);

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.national()).isEqualTo("13800138000");
        assertThat(lookup.carrier()).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(lookup.input()).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource({
        "010-12345678, 01012345678, 北京市, 11",
        "(010) 1234 5678, 01012345678, 北京市, 11",
        "+86 10 1234 5678, 01012345678, 北京市, 11",
        "0086 10 12345678, 01012345678, 北京市, 11",
        "0755-12345678, 075512345678, 广东省深圳市, 44",
        "(0755) 1234 5678, 075512345678, 广东省深圳市, 44",
        "+86 755 1234 5678, 075512345678, 广东省深圳市, 44",
        "+86 (0)755 1234 5678, 075512345678, 广东省深圳市, 44",
        "020-87654321, 02087654321, 广东省广州市, 44",
        "0335-1234567, 03351234567, 河北省秦皇岛市, 13"
    })
    void findsTheRegionOfAFixedLineByItsAreaCode(String input, String national, String region, String provinceCode) {
        PhoneLookup lookup = numbers.lookup(input);

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.kind()).isEqualTo(NumberKind.FIXED_LINE);
        assertThat(lookup.national()).isEqualTo(national);
        assertThat(lookup.region()).isEqualTo(region);
        assertThat(lookup.provinceCode()).isEqualTo(provinceCode);
        assertThat(lookup.carrier()).isEqualTo(Carrier.UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "+", "( )-"})
    void reportsNothingEntered(String input) {
        assertThat(numbers.lookup(input).problem()).isEqualTo(PhoneProblem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "138001380OO",
                "138.0013.8000",
                "138+0013-8000",
                "++8613800138000",
                "１３８00138000",
                "tel:13800138000"
            })
    void rejectsCharactersOtherThanDigitsAndSeparators(String input) {
        PhoneLookup lookup = numbers.lookup(input);

        assertThat(lookup.problem()).isEqualTo(PhoneProblem.BAD_CHARACTER);
        assertThat(lookup.valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1380013800",
                "138001380001",
                "+86 138 0013 800",
                "010-123456",
                "010-123456789",
                "0755-123456",
                "0755-123456789"
            })
    void rejectsNumbersWithTooFewOrTooManyDigits(String input) {
        assertThat(numbers.lookup(input).problem()).isEqualTo(PhoneProblem.BAD_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12012345678",
                "11012345678",
                "14012345678",
                "16012345678",
                "+1 650 253 0000",
                "0044 20 7946 0000"
            })
    void rejectsMobileSegmentsNoTableKnowsAndForeignNumbers(String input) {
        assertThat(numbers.lookup(input).problem()).isEqualTo(PhoneProblem.UNKNOWN_PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"026-12345678", "011-12345678", "0300-1234567", "87654321"})
    void rejectsAreaCodesNotInUseAndLocalNumbersWithoutOne(String input) {
        assertThat(numbers.lookup(input).problem()).isEqualTo(PhoneProblem.UNKNOWN_AREA_CODE);
    }

    @Test
    void masksMobileNumbersKeepingTheFirstThreeAndLastFourDigits() {
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void masksFixedLinesKeepingTheAreaCodeAndLastFourDigits() {
        assertThat(PhoneNumbers.mask("01012345678")).isEqualTo("010****5678");
        assertThat(PhoneNumbers.mask("075512345678")).isEqualTo("0755****5678");
        assertThat(PhoneNumbers.mask("03351234567")).isEqualTo("0335***4567");
    }

    @Test
    void masksAnythingElseEntirelyOrDownToItsLastFourDigits() {
        assertThat(PhoneNumbers.mask("95555123")).isEqualTo("****5123");
        assertThat(PhoneNumbers.mask("1380")).isEqualTo("****");
        assertThat(PhoneNumbers.mask(null)).isEmpty();
    }

    @Test
    void givesEveryMobileSegmentWithARegionAProvinceOfTheDivisionList() {
        Divisions divisions = Divisions.standard();
        int withRegion = 0;
        for (int prefix = 1_300_000; prefix < 2_000_000; prefix++) {
            PhoneLookup lookup = numbers.lookup(prefix + "0000");
            if (lookup.region() != null) {
                withRegion++;
                assertThat(lookup.provinceCode())
                        .as("province of %s (%s)", lookup.national(), lookup.region())
                        .isNotNull();
                assertThat(divisions.province(lookup.provinceCode())).isPresent();
            }
        }
        // The geocoder and the 2015 table together know the home of most 13x to 18x prefixes.
        assertThat(withRegion).isGreaterThan(300_000);
    }
}
