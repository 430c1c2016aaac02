package org.telereg.platform.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telereg.platform.shared.InvalidValueException;

class LicenceNumberTests {

    @Test
    void ministryNumberHasClassYearAndFourDigitSerial() {
        assertThat(LicenceNumber.of(null, List.of("B2"), 2026, 1)).hasToString("B2-20260001");
        assertThat(LicenceNumber.of(null, List.of("B2"), 2019, 350)).hasToString("B2-20190350");
    }

    @Test
    void provincialNumberStartsWithTheProvinceAbbreviation() {
        assertThat(LicenceNumber.of("44", List.of("B2"), 2026, 3)).hasToString("粤B2-20260003");
        assertThat(LicenceNumber.of("11", List.of("B1", "B2"), 2026, 12)).hasToString("京B1.B2-20260012");
    }

    @Test
    void combinedClassesAreSortedAndJoinedWithDots() {
        assertThat(LicenceNumber.of(null, List.of("B2", "A2", "B1", "B2"), 2009, 1))
                .hasToString("A2.B1.B2-20090001");
    }

    @Test
    void parsesEveryFormatAndPrintsItBackInThePrimaryForm() {
        assertThat(LicenceNumber.parse("B2-20190350")).hasToString("B2-20190350");
        assertThat(LicenceNumber.parse("京B2-20190350").provinceCode()).isEqualTo("11");
        assertThat(LicenceNumber.parse("A2.B1.B2-20090001").classes()).containsExactly("A2", "B1", "B2");
        LicenceNumber site = LicenceNumber.parse("粤B2-20090059-5");
        assertThat(site.site()).isEqualTo(5);
        assertThat(site).hasToString("粤B2-20090059-5");
        LicenceNumber legacy = LicenceNumber.parse("京ICP证030173号");
        assertThat(legacy.legacyIcp()).isTrue();
        assertThat(legacy).hasToString("京ICP证030173号");
    }

    @Test
    void acceptsProvinceAliasesAndPrintsThePrimaryAbbreviation() {
        assertThat(LicenceNumber.parse("黔B2-20260001")).hasToString("贵B2-20260001");
        assertThat(LicenceNumber.parse("滇B2-20260001")).hasToString("云B2-20260001");
        assertThat(LicenceNumber.parse("蜀B2-20260001")).hasToString("川B2-20260001");
        assertThat(LicenceNumber.parse("陇B2-20260001")).hasToString("甘B2-20260001");
    }

    @Test
    void refusesWhatIsNotALicenceNumber() {
        for (String bad :
                List.of("", "B3-20260001", "B2-2026001", "B2.B2-20260001", "X京B2-20260001", "粤ICP备2026012345号")) {
            assertThatThrownBy(() -> LicenceNumber.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> LicenceNumber.parse("国B2-20260001"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("国");
    }

    @Test
    void serialBeyondFourDigitsIsRefused() {
        assertThatThrownBy(() -> LicenceNumber.of(null, List.of("B2"), 2026, 10000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
