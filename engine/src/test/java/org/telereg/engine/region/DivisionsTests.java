package org.telereg.engine.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telereg.engine.region.Division.Level;

class DivisionsTests {

    private final Divisions divisions = Divisions.standard();

    @Test
    void listsThirtyFourProvincesInCodeOrderWithAdministrationsOnlyOnTheMainland() {
        assertThat(divisions.provinces()).hasSize(34);
        assertThat(divisions.provinces().get(0).name()).isEqualTo("北京市");
        assertThat(divisions.provinces()).extracting(Province::code).isSorted().endsWith("65", "71", "81", "82");
        assertThat(divisions.provinces())
                .filteredOn(Province::hasAdministration)
                .hasSize(31);
        assertThat(divisions.provinces())
                .filteredOn(p -> !p.hasAdministration())
                .extracting(Province::name)
                .containsExactly("台湾省", "香港特别行政区", "澳门特别行政区");
    }

    @ParameterizedTest
    @ValueSource(strings = {"44", "440000", "广东", "广东省", "粤", " 粤 "})
    void findsGuangdongByCodeNameShortNameOrAbbreviation(String query) {
        assertThat(divisions.province(query)).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("44");
            assertThat(p.name()).isEqualTo("广东省");
            assertThat(p.abbreviation()).isEqualTo("粤");
        });
    }

    @ParameterizedTest
    @CsvSource({"黔, 52, 贵", "贵, 52, 贵", "滇, 53, 云", "云, 53, 云", "蜀, 51, 川", "川, 51, 川", "陇, 62, 甘", "甘, 62, 甘"})
    void acceptsAliasesButDisplaysThePrimaryAbbreviation(String query, String code, String displayed) {
        assertThat(divisions.province(query)).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.abbreviation()).isEqualTo(displayed);
        });
    }

    @ParameterizedTest
    @CsvSource({
        "15, 内蒙古自治区, 内蒙古, 蒙",
        "45, 广西壮族自治区, 广西, 桂",
        "54, 西藏自治区, 西藏, 藏",
        "64, 宁夏回族自治区, 宁夏, 宁",
        "65, 新疆维吾尔自治区, 新疆, 新",
        "50, 重庆市, 重庆, 渝",
        "71, 台湾省, 台湾, 台",
        "81, 香港特别行政区, 香港, 港",
        "82, 澳门特别行政区, 澳门, 澳"
    })
    void givesTheShortNamesOfTheChinaMapAndTheOneCharacterAbbreviations(
            String code, String name, String shortName, String abbreviation) {
        assertThat(divisions.province(code)).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.shortName()).isEqualTo(shortName);
            assertThat(p.abbreviation()).isEqualTo(abbreviation);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"99", "火星", "4400", "广东省深圳市"})
    void findsNoProvinceForAnythingElse(String query) {
        assertThat(divisions.province(query)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "44, 44, 广东省, PROVINCE",
        "440000, 44, 广东省, PROVINCE",
        "4403, 4403, 深圳市, CITY",
        "440300, 4403, 深圳市, CITY",
        "440305, 440305, 南山区, COUNTY",
        "441900, 4419, 东莞市, CITY",
        "110101, 110101, 东城区, COUNTY"
    })
    void resolvesProvinceCityAndCountyCodes(String code, String naturalCode, String name, Level level) {
        assertThat(divisions.current(code)).hasValueSatisfying(d -> {
            assertThat(d.code()).isEqualTo(naturalCode);
            assertThat(d.name()).isEqualTo(name);
            assertThat(d.level()).isEqualTo(level);
            assertThat(d.provinceCode()).isEqualTo(code.substring(0, 2));
        });
    }

    @Test
    void doesNotListAbolishedCountiesAsCurrent() {
        // 燕山区 (Beijing) was merged into 房山区 in 1986.
        assertThat(divisions.current("110110")).isEmpty();
        assertThat(divisions.isKnownAddressCode("110110")).isTrue();
    }

    @Test
    void listsCitiesOfAProvinceAndCountiesOfACityInCodeOrder() {
        assertThat(divisions.cities("粤")).hasSize(21).extracting(Division::code).isSorted();
        assertThat(divisions.cities("44")).extracting(Division::name).contains("广州市", "深圳市", "东莞市");
        assertThat(divisions.counties("4403"))
                .extracting(Division::name)
                .contains("福田区", "南山区")
                .doesNotContain("东莞市");
        assertThat(divisions.counties("440300")).isEqualTo(divisions.counties("4403"));
        assertThat(divisions.counties("4403"))
                .allSatisfy(county -> assertThat(county.level()).isEqualTo(Level.COUNTY));
    }

    @Test
    void listsNothingForUnknownOrNonMainlandParents() {
        assertThat(divisions.cities("81")).isEmpty();
        assertThat(divisions.cities("99")).isEmpty();
        assertThat(divisions.counties("44")).isEmpty();
        assertThat(divisions.counties("9999")).isEmpty();
        assertThat(divisions.counties(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"110000", "110100", "110105", "441900", "810000", "110110", "132101"})
    void knowsCurrentAndFormerAddressCodesAtEveryLevel(String code) {
        assertThat(divisions.isKnownAddressCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000000", "440399", "11010", "1101051", "11010a"})
    void rejectsCodesThatNeverExisted(String code) {
        assertThat(divisions.isKnownAddressCode(code)).isFalse();
    }

    @Test
    void treatsAnAbolishedCodeAsInUseUntilTheFirstListWithoutIt() {
        // 110110 燕山区 was last listed in December 1985 and is missing from the December 1986 list.
        assertThat(divisions.addressCodeInUseOnOrAfter("110110", YearMonth.of(1980, 1)))
                .isTrue();
        assertThat(divisions.addressCodeInUseOnOrAfter("110110", YearMonth.of(1986, 12)))
                .isTrue();
        assertThat(divisions.addressCodeInUseOnOrAfter("110110", YearMonth.of(1987, 1)))
                .isFalse();
    }

    @Test
    void treatsCurrentCodesAsInUseForEverAndUnknownCodesAsNever() {
        assertThat(divisions.addressCodeInUseOnOrAfter("110105", YearMonth.of(2030, 1)))
                .isTrue();
        assertThat(divisions.addressCodeInUseOnOrAfter("810000", YearMonth.of(2030, 1)))
                .isTrue();
        assertThat(divisions.addressCodeInUseOnOrAfter("440399", YearMonth.of(1980, 1)))
                .isFalse();
    }
}
