package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telereg.platform.shared.InvalidValueException;

class FilingNumberTests {

    @Test
    void issuesTenDigitSubjectNumbersWithSiteAndAppSuffixes() {
        FilingNumber subject = FilingNumber.subject("44", 2026, 12345);

        assertThat(subject).hasToString("粤ICP备2026012345号");
        assertThat(subject.service(1, false)).hasToString("粤ICP备2026012345号-1");
        assertThat(subject.service(2, true)).hasToString("粤ICP备2026012345号-2A");
        assertThat(subject.service(2, true).subject()).isEqualTo(subject);
    }

    @Test
    void readsTheNumbersOfTheRealRegister() {
        assertThat(FilingNumber.parse("京ICP备10046444号-9"))
                .isEqualTo(new FilingNumber("11", false, "10046444", 9, false));
        assertThat(FilingNumber.parse("沪ICP备13002172号")).hasToString("沪ICP备13002172号");
        assertThat(FilingNumber.parse("京ICP证030173号-1").licence()).isTrue();
        assertThat(FilingNumber.parse("粤ICP备2026012345号-3A").app()).isTrue();
    }

    @Test
    void acceptsProvinceAliasesAndPrintsThePrimaryAbbreviation() {
        assertThat(FilingNumber.parse("黔ICP备2026000001号")).hasToString("贵ICP备2026000001号");
        assertThat(FilingNumber.parse("滇ICP备2026000001号").provinceCode()).isEqualTo("53");
        assertThat(FilingNumber.parse("蜀ICP备2026000001号-1").provinceCode()).isEqualTo("51");
        assertThat(FilingNumber.parse("陇ICP备2026000001号-1A")).hasToString("甘ICP备2026000001号-1A");
    }

    @Test
    void toleratesWhatPeopleTypeAroundTheNumber() {
        assertThat(FilingNumber.parse(" 粤icp备2026012345号－2 ")).hasToString("粤ICP备2026012345号-2");
    }

    @Test
    void refusesWhatIsNotAFilingNumberNamingTheText() {
        assertThatThrownBy(() -> FilingNumber.parse("粤ICP备123号"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).code()).isEqualTo("filing.invalid.number"))
                .hasMessageContaining("粤ICP备123号");
        assertThatThrownBy(() -> FilingNumber.parse("粤ICP备202601234号")).hasMessageContaining("8 or 10 digits");
        assertThatThrownBy(() -> FilingNumber.parse("粤ICP备2026012345号-0")).hasMessageContaining("start at 1");
        assertThatThrownBy(() -> FilingNumber.parse("港ICP备2026012345号"))
                .satisfies(
                        e -> assertThat(((InvalidValueException) e).code()).isEqualTo("filing.invalid.numberProvince"));
        assertThatThrownBy(() -> FilingNumber.parse("")).isInstanceOf(InvalidValueException.class);
    }
}
