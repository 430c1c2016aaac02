package org.telereg.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telereg.engine.identity.CreditCodes;

class DemoDataTests {

    private static List<String> generate(long seed) {
        DemoData.CompanyNames names = new DemoData.CompanyNames(new Random(seed));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String province = i % 2 == 0 ? "44" : "65";
            out.add(names.creditCode(province) + " " + names.company(province) + " " + names.person() + " "
                    + names.address(province));
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameDataOnEveryMachine() {
        assertThat(generate(42)).isEqualTo(generate(42)).isNotEqualTo(generate(43));
    }

    @Test
    void generatedCreditCodesAreValidUniqueAndInTheirProvince() {
        List<String> codes =
                generate(7).stream().map(line -> line.split(" ")[0]).toList();
        assertThat(codes)
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(CreditCodes.problemOf(code)).isNull());
        assertThat(codes.get(0).substring(2, 4)).isEqualTo("44");
        assertThat(codes.get(1).substring(2, 4)).isEqualTo("65");
    }

    @Test
    void everyRoleHasADemoAccount() {
        assertThat(DemoData.ACCOUNTS)
                .extracting(account -> account[3])
                .containsExactlyInAnyOrder(
                        "MINISTRY_ADMIN",
                        "MINISTRY_OFFICER",
                        "PROVINCIAL_OFFICER",
                        "PROVINCIAL_OFFICER",
                        "OPERATOR",
                        "ACCESS_PROVIDER",
                        "AUDITOR");
    }
}
