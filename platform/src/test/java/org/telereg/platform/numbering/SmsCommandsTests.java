package org.telereg.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCommandsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CXXZ#张三#11010519600612001X",
                "cxxz#张三#11010519600612001x",
                "ＣＸＸＺ＃张三＃１１０１０５１９６００６１２００１Ｘ",
                "  CXXZ # 张 三 # 110105 19600612 001X  ",
                "CxXz＃张三#11010519600612001X\n"
            })
    void readsAnEligibilityQueryWrittenAnyWayAPhoneMightSendIt(String text) {
        assertThat(SmsCommands.parse(text)).hasValue(new SmsCommands.Command("CXXZ", "张三", "11010519600612001X"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQXZ#欧阳娜娜#E12345678", "sqxz＃欧阳娜娜＃e12345678"})
    void readsACodeRequest(String text) {
        assertThat(SmsCommands.parse(text)).hasValue(new SmsCommands.Command("SQXZ", "欧阳娜娜", "E12345678"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "CXXZ",
                "CXXZ#张三",
                "CXXZ##11010519600612001X",
                "CXXZ#张三#",
                "CXXZ#张三#11010519600612001X#多余",
                "XZXH#张三#11010519600612001X",
                "CX XZ 张三 11010519600612001X"
            })
    void refusesAnythingElse(String text) {
        assertThat(SmsCommands.parse(text)).isEmpty();
    }
}
