package org.telereg.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.appeals.AppealRateExceeded;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class CreditRegistryIntegrationTests {

    @Autowired
    CreditRegistry registry;

    @Autowired
    ComplianceGate gate;

    @Autowired
    Rectifications rectifications;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final Actor ministry = Actor.system();

    private String company(int index) {
        return companies
                .search(DataScope.all(), new CompanySearch(null, null, null), PageRequest.of(index, 1))
                .getContent()
                .get(0)
                .creditCode();
    }

    private static CreditEvent.Source source(String id) {
        return new CreditEvent.Source("test", "Finding", id + "-" + System.nanoTime());
    }

    @Test
    void anEventListsOnceAndItsRemovalEndsTheEntry() {
        String code = company(40);
        CreditEvent.Source cause = source("dup");
        CreditEvent listing = CreditEvent.listing(
                CreditList.BAD_OPERATOR,
                code,
                null,
                null,
                "PENALTY",
                "罚款未缴",
                cause,
                LocalDate.of(2026, 6, 1),
                "44",
                "广东省通信管理局");

        transactions.executeWithoutResult(tx -> {
            events.publishEvent(listing);
            events.publishEvent(listing);
        });

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !registry.standing(CreditList.BAD_OPERATOR, cause).isEmpty());
        assertThat(registry.standing(CreditList.BAD_OPERATOR, cause))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.companyName()).isNotBlank().isNotEqualTo(code);
                    assertThat(entry.removalDue()).isEqualTo(LocalDate.of(2029, 6, 1));
                });

        registry.apply(CreditEvent.removal(CreditList.BAD_OPERATOR, code, "罚款已缴", cause, registry.today()));

        assertThat(registry.standing(CreditList.BAD_OPERATOR, cause)).isEmpty();
    }

    @Test
    void entriesComeOffWhenTheirRemovalPeriodHasPassed() {
        String code = company(41);
        CreditEvent.Source cause = source("old");
        registry.apply(CreditEvent.listing(
                CreditList.BAD_OPERATOR,
                code,
                "旧记录公司",
                null,
                "PENALTY",
                "三年前的处罚",
                cause,
                registry.today().minusYears(3).minusDays(1),
                "MIIT",
                "工业和信息化部"));

        registry.expire();

        assertThat(registry.standing(CreditList.BAD_OPERATOR, cause)).isEmpty();
        assertThat(registry.ofCompany(code))
                .anySatisfy(entry -> assertThat(entry.removalReason()).isEqualTo("removal period ended"));
    }

    @Test
    void aListedPersonIsKeptOnlyAsKeyAndMasksAndTheGateFindsThem() {
        String id = "110105198001010040";
        CreditRecordView entry = registry.listPerson(
                ministry,
                new NewPersonListing(
                        id,
                        "周大伟",
                        "",
                        "SERIOUS_VIOLATION",
                        "原任职企业被吊销许可证",
                        "工信部罚〔2026〕" + System.nanoTime() % 100000 + "号",
                        "2026-05-20"));

        assertThat(entry.subject()).isEqualTo("周** 110105********0040");
        String row = jdbc.sql(
                        "select person_key || '|' || person_id_masked || '|' || person_name_masked || '|' || reason"
                                + " from credit_record where id = :id")
                .param("id", entry.id())
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(id, "周大伟");

        String key = jdbc.sql("select person_key from credit_record where id = :id")
                .param("id", entry.id())
                .query(String.class)
                .single();
        GateResult result = gate.check(
                new GateSubject(company(42), "某公司", List.of(GateParty.person(GateParty.Role.INVESTOR, key, "周**"))));
        assertThat(result.blocked()).isTrue();
        assertThat(result.hits())
                .anySatisfy(hit -> assertThat(hit.party().role()).isEqualTo(GateParty.Role.INVESTOR));
    }

    @Test
    void anOpenRectificationOrderWarnsButDoesNotBlock() {
        String code = company(43);
        rectifications.issue(
                ministry, code, "备案信息不准确", registry.today().plusDays(20).toString());

        GateResult result = gate.check(new GateSubject(code, "某公司", List.of()));

        assertThat(result.blocked()).isFalse();
        assertThat(result.hits()).anySatisfy(hit -> {
            assertThat(hit.code()).isEqualTo("credit.gate.rectification");
            assertThat(hit.evidence()).isEqualTo("备案信息不准确");
        });
    }

    @Test
    void anAppealRateBreachBecomesAWatchRecordThatThePublicDoesNotSee() {
        String code = company(44);
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new AppealRateExceeded(code, "某运营商", "2026Q3", new BigDecimal("12.50"), new BigDecimal("10"))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.ofCompany(code).stream().anyMatch(e -> e.list() == CreditList.WATCH));
        assertThat(registry.search(new CreditSearch(CreditList.WATCH, null, code), false, PageRequest.of(0, 10)))
                .isEmpty();
        assertThat(registry.search(new CreditSearch(null, null, code), true, PageRequest.of(0, 10)))
                .extracting(CreditRecordView::reasonCode)
                .contains("APPEAL_RATE_EXCEEDED");
    }

    @Test
    void onlyRegulatorsListAndAFutureDecisionIsRefused() {
        Actor operator = new Actor("op", "运营商", Role.OPERATOR, 0, "运营商", DataScope.enterprise(company(45)));
        NewListing listing = new NewListing("DISHONEST", company(45), "", "PENALTY", "理由", "文号-1", "2999-01-01");

        assertThatThrownBy(() -> registry.listCompany(operator, listing)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.listCompany(ministry, listing))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("decidedOn", "invalid.future")));
    }
}
