package org.telereg.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** Short and foreign names resolve to the enterprise's credit code; a name stands for one company only. */
@PlatformIntegrationTest
class CompanyAliasesIntegrationTests {

    @Autowired
    CompanyAliases aliases;

    @Autowired
    AccessManagement access;

    private final Actor ministry = Actor.system();

    private String creditCode(String organisation) {
        return access.organisation(organisation).orElseThrow().creditCode();
    }

    @Test
    void theDemoOperatorsResolveByShortNameForeignNameAndRegisteredNameIgnoringCaseAndSpaces() {
        String mobile = creditCode("OP-CMCC");

        assertThat(aliases.creditCode("中国移动")).contains(mobile);
        assertThat(aliases.creditCode("  china   MOBILE ")).contains(mobile);
        assertThat(aliases.creditCode("中国移动通信集团有限公司")).contains(mobile);
        assertThat(aliases.creditCode("中国电信")).contains(creditCode("OP-CTCC"));
        assertThat(aliases.creditCode("中国铁通")).isEmpty();
        assertThat(aliases.creditCode(" ")).isEmpty();
        assertThat(aliases.aliases(mobile)).containsExactly("CMCC", "China Mobile", "中国移动");
    }

    @Test
    void anAliasOfAnotherCompanyAnUnknownCompanyAndABlankNameAreRefusedByField() {
        String unicom = creditCode("OP-CUCC");

        assertThatThrownBy(() -> aliases.add(ministry, unicom, "china mobile"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("alias", "entity.alias.taken")));
        assertThatThrownBy(() -> aliases.add(ministry, "91110000000000000X", " "))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("alias", "creditCode"));
        assertThat(aliases.aliases(unicom)).doesNotContain("china mobile");
    }

    @Test
    void addingAnAliasTwiceKeepsOneAndOnlyTheMinistryNamesCompanies() {
        String unicom = creditCode("OP-CUCC");

        aliases.add(ministry, unicom, "联通集团");
        aliases.add(ministry, unicom, "联通 集团");

        assertThat(aliases.aliases(unicom)).containsOnlyOnce("联通集团");
        assertThat(aliases.creditCode("联通集团")).contains(unicom);
        Actor guangdong =
                new Actor("gd-test", "广东省管局", Role.PROVINCIAL_OFFICER, 0, "广东省通信管理局", DataScope.province("44"));
        assertThatThrownBy(() -> aliases.add(guangdong, unicom, "广东联通")).isInstanceOf(AccessDeniedException.class);
    }
}
