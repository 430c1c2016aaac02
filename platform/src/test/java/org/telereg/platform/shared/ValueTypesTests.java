package org.telereg.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telereg.engine.identity.IdKind;
import org.telereg.engine.numbering.Carrier;
import org.telereg.engine.numbering.NumberKind;

class ValueTypesTests {

    @ParameterizedTest
    @CsvSource({"44,44", "440000,44", "广东,44", "广东省,44", "粤,44", "黔,52", "贵,52", "滇,53", "蜀,51", "川,51", "陇,62"})
    void provinceAcceptsCodesNamesAbbreviationsAndAliases(String text, String code) {
        assertThat(ProvinceCode.of(text).code()).isEqualTo(code);
    }

    @Test
    void provinceDisplaysThePrimaryAbbreviation() {
        assertThat(ProvinceCode.of("黔").abbreviation()).isEqualTo("贵");
        assertThat(ProvinceCode.of("陇").name()).isEqualTo("甘肃省");
        assertThat(ProvinceCode.administered())
                .hasSize(31)
                .extracting(ProvinceCode::code)
                .doesNotContain("71", "81");
    }

    @Test
    void unknownProvinceNamesWhatWasTyped() {
        assertThatThrownBy(() -> ProvinceCode.of("火星"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> {
                    assertThat(((InvalidValueException) e).code()).isEqualTo("invalid.province");
                    assertThat(((InvalidValueException) e).arguments()).containsExactly("火星");
                });
    }

    @Test
    void divisionCodeKnowsItsProvince() {
        assertThat(DivisionCode.of("440305").province().code()).isEqualTo("44");
        assertThat(DivisionCode.of("440305").name()).isEqualTo("南山区");
        assertThatThrownBy(() -> DivisionCode.of("999999")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void creditCodeIsNormalisedAndChecked() {
        assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.of("91350100M000100Y43").registrationProvinceCode())
                .isEqualTo("35");
        assertThatThrownBy(() -> CreditCode.of("91350100M000100Y44"))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("invalid.creditCode.BAD_CHECK_CHARACTER");
    }

    @Test
    void idNumberNeverPrintsInFull() {
        IdCardNumber id = IdCardNumber.of("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.kind()).isEqualTo(IdKind.RESIDENT_18);
        assertThat(id.male()).isFalse();
        assertThat(id.toString()).isEqualTo("110105********002X").isEqualTo(id.masked());
        assertThatThrownBy(() -> IdCardNumber.of("110105194912310021"))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("invalid.idCard.BAD_CHECK_CHARACTER");
    }

    @Test
    void phoneNumberKnowsCarrierAndRegionAndPrintsMasked() {
        PhoneNumber mobile = PhoneNumber.of("+86 138-0013-8000");
        assertThat(mobile.national()).isEqualTo("13800138000");
        assertThat(mobile.kind()).isEqualTo(NumberKind.MOBILE);
        assertThat(mobile.carrier()).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(mobile.toString()).isEqualTo("138****8000");
        PhoneNumber fixed = PhoneNumber.of("(0755) 8888 1234");
        assertThat(fixed.kind()).isEqualTo(NumberKind.FIXED_LINE);
        assertThat(fixed.region()).contains("深圳");
        assertThatThrownBy(() -> PhoneNumber.of("12345"))
                .extracting(e -> ((InvalidValueException) e).code())
                .asString()
                .startsWith("invalid.phone.");
    }

    @ParameterizedTest
    @CsvSource({"1000000,1000000.00", "'1,000,000.5',1000000.50", "100万,1000000.00", "1.5亿,150000000.00", "0,0.00"})
    void moneyReadsTheWaysRegistersWriteCapital(String text, String yuan) {
        assertThat(Money.of(text).yuan()).isEqualByComparingTo(yuan);
    }

    @ParameterizedTest
    @CsvSource({"-1", "1.005", "abc", "万"})
    void moneyRefusesNegativeFractionalCentsAndText(String text) {
        assertThatThrownBy(() -> Money.of(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void uploadedTextTellsUtf8FromGbkAndRefusesBinary() {
        String text = "企业名称,省份\n示例,粤\n";
        assertThat(UploadedText.decode(text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new UploadedText(text, "UTF-8"));
        assertThat(UploadedText.decode(text.getBytes(Charset.forName("GBK"))))
                .isEqualTo(new UploadedText(text, "GB18030"));
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(UploadedText.decode(bom).text()).isEqualTo(text);
        assertThatThrownBy(() -> UploadedText.decode(new byte[] {0, 1, 2, (byte) 0xff}))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("invalid.file.encoding");
        assertThatThrownBy(() -> UploadedText.decode(new byte[0]))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("invalid.file.empty");
    }

    @Test
    void fieldProblemsCollectsEveryFieldBeforeRefusing() {
        FieldProblems problems = new FieldProblems();
        problems.parse("province", "火星", ProvinceCode::of);
        problems.text("name", "  ", 10);
        problems.optionalText("address", "x".repeat(11), 10);
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("province", "name", "address"));
    }
}
