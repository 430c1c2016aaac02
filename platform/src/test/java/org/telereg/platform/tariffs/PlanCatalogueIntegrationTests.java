package org.telereg.platform.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.telereg.platform.tariffs.TariffFixtures.fixed;
import static org.telereg.platform.tariffs.TariffFixtures.mobile;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.tariffs.TariffFixtures.Operator;

/** The plan catalogue on the database: filing, validation, versions, what was on sale when, CSV files, scope. */
@PlatformIntegrationTest
class PlanCatalogueIntegrationTests {

    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    PlanCatalogue catalogue;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    JdbcClient jdbc;

    private Operator operator() {
        return TariffFixtures.operator(access, companies, "44");
    }

    private List<PlanView> own(Operator operator) {
        return catalogue.plans(operator.actor().scope(), PlanCatalogue.Filter.none(), 100);
    }

    private long versions(Operator operator) {
        return jdbc.sql("select count(*) from tariffs_plan_version v join tariffs_plan p on p.id = v.plan_id"
                        + " where p.operator_credit_code = :code")
                .param("code", operator.creditCode())
                .query(Long.class)
                .single();
    }

    @Test
    void anOperatorFilesAPlanAndSeesItsUnitPrice() {
        Operator operator = operator();

        FilingResult result =
                catalogue.file(operator.actor(), fixed("GD-KD-500", "广东", "99.00", "500", "2024-01-01", null));

        assertThat(result.outcome()).isEqualTo(FilingResult.Outcome.CREATED);
        PlanView plan = result.plan();
        assertThat(plan.operatorName()).isEqualTo(operator.name());
        assertThat(plan.provinceCode()).isEqualTo("44");
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        // 99 yuan / 500 Mbps = 0.198 yuan per Mbps per month.
        assertThat(plan.unitPrice()).isEqualByComparingTo("0.198");
        PlanView phone = catalogue
                .file(operator.actor(), mobile("SJ-30", "", "59", "30", "2024-01-01", null))
                .plan();
        // 59 / 30 = 1.96666… → 1.9667 yuan per GB; a national plan has no province.
        assertThat(phone.unitPrice()).isEqualByComparingTo("1.9667");
        assertThat(phone.national()).isTrue();
        assertThat(own(operator)).extracting(PlanView::planCode).containsExactly("GD-KD-500", "SJ-30");
    }

    @Test
    void refusesABadPlanNamingEveryFieldAndWritesNothing() {
        Operator operator = operator();
        PlanInput bad = new PlanInput(
                "",
                "宽带\u0007套餐",
                "FIXED_BROADBAND",
                "火星",
                "0",
                null,
                "30",
                "100",
                null,
                "99",
                "2024-06-01",
                "2024-05-31",
                "SOMETIMES",
                "2024-13-01");

        assertThat(problems(() -> catalogue.file(operator.actor(), bad)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .contains(
                        tuple("planCode", "invalid.required"),
                        tuple("name", "invalid.control"),
                        tuple("province", "invalid.province"),
                        tuple("monthlyFee", "tariffs.invalid.positive"),
                        tuple("downlinkMbps", "tariffs.invalid.speedRequired"),
                        tuple("dataGb", "tariffs.invalid.notForKind"),
                        tuple("voiceMinutes", "tariffs.invalid.notForKind"),
                        tuple("contractMonths", "tariffs.invalid.range"),
                        tuple("validTo", "tariffs.invalid.datesOrder"),
                        tuple("status", "invalid.choice"),
                        tuple("effectiveFrom", "invalid.date"));
        assertThat(problems(
                        () -> catalogue.file(operator.actor(), mobile("SJ-X", "", "19.999", "", "2024-01-01", null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("monthlyFee", "tariffs.invalid.decimals"),
                        tuple("dataGb", "tariffs.invalid.dataRequired"));
        assertThat(problems(() ->
                        catalogue.file(operator.actor(), fixed("K".repeat(41), "", "1e3", "-5", "2024-01-01", null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("planCode", "invalid.tooLong"),
                        tuple("monthlyFee", "tariffs.invalid.number"),
                        tuple("downlinkMbps", "tariffs.invalid.range"));
        assertThat(versions(operator)).isZero();
    }

    @Test
    void onlyOperatorsFilePlans() {
        assertThatThrownBy(() -> catalogue.file(Actor.system(), fixed("X", "", "10", "100", "2024-01-01", null)))
                .isInstanceOf(AccessDeniedException.class);
        Actor isp = new Actor("isp-test", "接入商", Role.ACCESS_PROVIDER, 0, "接入商", DataScope.none());
        assertThatThrownBy(() -> catalogue.file(isp, fixed("X", "", "10", "100", "2024-01-01", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(PlanCatalogue.canRead(isp)).isFalse();
    }

    @Test
    void aChangeIsANewVersionAndTheRegulatorSeesWhatWasOnSaleOnAnyDay() {
        Operator operator = operator();
        Actor actor = operator.actor();
        catalogue.file(actor, fixed("KD-1000", "", "129", "1000", "2024-01-01", null));
        FilingResult cheaper = catalogue.file(actor, fixed("KD-1000", "", "99", "1000", "2024-01-01", "2024-07-01"));
        PlanInput withdrawn = new PlanInput(
                "KD-1000",
                "宽带 1000M",
                "FIXED_BROADBAND",
                "",
                "99",
                "1000",
                null,
                null,
                null,
                "12",
                "2024-01-01",
                null,
                "WITHDRAWN",
                "2025-01-01");
        FilingResult gone = catalogue.file(actor, withdrawn);

        assertThat(cheaper.outcome()).isEqualTo(FilingResult.Outcome.CHANGED);
        assertThat(gone.plan().version()).isEqualTo(3);
        DataScope ministry = DataScope.all();
        assertThat(onSale(operator, ministry, "2023-12-31")).isEmpty();
        assertThat(onSale(operator, ministry, "2024-03-01"))
                .extracting(PlanView::monthlyFee)
                .containsExactly(new BigDecimal("129.00"));
        assertThat(onSale(operator, ministry, "2024-06-30"))
                .extracting(PlanView::version)
                .containsExactly(1);
        assertThat(onSale(operator, ministry, "2024-07-01"))
                .extracting(PlanView::monthlyFee)
                .containsExactly(new BigDecimal("99.00"));
        assertThat(onSale(operator, ministry, "2025-01-01")).isEmpty();
        List<PlanView> history = catalogue.history(ministry, gone.plan().planId());
        assertThat(history)
                .extracting(PlanView::version, PlanView::effectiveFrom, PlanView::effectiveTo, PlanView::status)
                .containsExactly(
                        tuple(1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), PlanStatus.ON_SALE),
                        tuple(2, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31), PlanStatus.ON_SALE),
                        tuple(3, LocalDate.of(2025, 1, 1), null, PlanStatus.WITHDRAWN));

        // The same offer again is no new version; a change dated before the current version is refused.
        assertThat(catalogue.file(actor, withdrawn).outcome()).isEqualTo(FilingResult.Outcome.UNCHANGED);
        assertThat(problems(
                        () -> catalogue.file(actor, fixed("KD-1000", "", "89", "1000", "2024-01-01", "2024-12-01"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("effectiveFrom", "tariffs.invalid.effectiveNotAfter"));
        assertThat(versions(operator)).isEqualTo(3);
    }

    @Test
    void aGbkFileWithChineseHeadersIsFiledWholeAndFilingItAgainChangesNothing() {
        Operator operator = operator();
        String text = "套餐编码,套餐名称,套餐类型,省份,月费,下行速率,国内流量,语音,附加内容,合约期,上线日期\n"
                + "GD-KD-300,广东宽带 300M,固定宽带,广东,45,300,,,,12,2024-01-01\n"
                + "RH-1000,融合 1000M + 40GB,融合,全国,169,1000,40,500,\"IPTV, 副卡\",24,2024-01-01\n"
                + "SJ-40,畅享 40GB,移动,,69,,40,300,,0,2024-01-01\n";

        PlanUploadResult first = catalogue.upload(operator.actor(), text.getBytes(GBK));

        assertThat(first.status()).isEqualTo(PlanUploadResult.Status.FILED);
        assertThat(first.encoding()).isEqualTo("GB18030");
        assertThat(first.created()).isEqualTo(3);
        assertThat(own(operator))
                .extracting(PlanView::planCode, PlanView::kind, PlanView::provinceCode, PlanView::extras)
                .containsExactly(
                        tuple("GD-KD-300", PlanKind.FIXED_BROADBAND, "44", null),
                        tuple("RH-1000", PlanKind.BUNDLE, null, "IPTV, 副卡"),
                        tuple("SJ-40", PlanKind.MOBILE, null, null));
        assertThat(own(operator).get(1).unitPrice())
                .as("a bundle's fee cannot be split")
                .isNull();

        PlanUploadResult again = catalogue.upload(operator.actor(), text.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(PlanUploadResult.Status.FILED);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.created() + again.changed()).isZero();
        assertThat(versions(operator)).isEqualTo(3);
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingEachLine() {
        Operator operator = operator();
        String text = "plan_code,name,kind,province,monthly_fee,downlink_mbps,data_gb,valid_from,valid_to\n"
                + "KD-500,宽带 500M,FIXED_BROADBAND,44,99,500,,2024-01-01,\n"
                + "KD-600,宽带 600M,FIXED_BROADBAND,44,abc,600,,2024-01-01,\n"
                + "KD-500,宽带 500M 重复,FIXED_BROADBAND,44,89,500,,2024-01-01,\n"
                + "SJ-10,手机 10GB,MOBILE,,29,,,2024-01-01,2023-01-01\n"
                + "SJ-11,too,few\n";

        PlanUploadResult result = catalogue.upload(operator.actor(), text.getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(PlanUploadResult.Status.REJECTED);
        assertThat(result.errors())
                .extracting(LineError::line, LineError::field, LineError::code)
                .containsExactly(
                        tuple(3L, "monthlyFee", "tariffs.invalid.number"),
                        tuple(4L, "planCode", "tariffs.upload.duplicate"),
                        tuple(5L, "validTo", "tariffs.invalid.datesOrder"),
                        tuple(5L, "dataGb", "tariffs.invalid.dataRequired"),
                        tuple(6L, null, "tariffs.upload.fieldCount"));
        assertThat(versions(operator)).as("the good line 2 is not kept either").isZero();
    }

    @Test
    void emptyHugeHeaderlessAndMalformedFilesAreRefused() {
        Actor actor = operator().actor();

        assertThat(catalogue.upload(actor, new byte[0]).errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.empty");
        byte[] huge = new byte[PlanCatalogue.MAX_UPLOAD_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(catalogue.upload(actor, huge).errors())
                .extracting(LineError::field, LineError::code)
                .containsExactly(tuple("file", "tariffs.upload.tooLarge"));
        assertThat(catalogue
                        .upload(actor, "plan_code,name,colour\nA,B,red\n".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(LineError::line, LineError::field, LineError::code)
                .contains(
                        tuple(1L, null, "tariffs.upload.unknownColumn"),
                        tuple(1L, "monthlyFee", "tariffs.upload.missingColumn"));
        // An unclosed quote swallows the rest of the file into one field: the line is refused, nothing filed.
        PlanUploadResult unclosed = catalogue.upload(
                actor,
                "plan_code,name,kind,monthly_fee,downlink_mbps,valid_from\n\"KD,宽带,FIXED_BROADBAND,9,100,2024-01-01\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(unclosed.status()).isEqualTo(PlanUploadResult.Status.REJECTED);
        assertThat(unclosed.errors()).extracting(LineError::line).containsExactly(2L);
        assertThat(catalogue
                        .upload(actor, "plan_code,name,kind,monthly_fee,valid_from\n".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(LineError::line, LineError::code)
                .containsExactly(tuple(2L, "tariffs.upload.noRows"));
    }

    @Test
    void eachReaderSeesOnlyThePlansOfItsScope() {
        Operator one = operator();
        Operator other = operator();
        long national = catalogue
                .file(one.actor(), mobile("SJ-N", "", "59", "30", "2024-01-01", null))
                .plan()
                .planId();
        long guangdong = catalogue
                .file(one.actor(), fixed("GD-1", "44", "50", "500", "2024-01-01", null))
                .plan()
                .planId();
        long beijing = catalogue
                .file(one.actor(), fixed("BJ-1", "11", "60", "500", "2024-01-01", null))
                .plan()
                .planId();
        catalogue.file(other.actor(), fixed("GD-1", "44", "55", "500", "2024-01-01", null));

        DataScope gd = DataScope.province("44");
        PlanCatalogue.Filter ofOne = new PlanCatalogue.Filter(one.creditCode(), null, null, null, null, null);
        assertThat(catalogue.plans(gd, ofOne, 100)).extracting(PlanView::planId).containsExactly(guangdong, national);
        assertThat(catalogue.history(gd, beijing)).isEmpty();
        assertThat(catalogue.history(DataScope.province("11"), beijing)).hasSize(1);
        assertThat(catalogue.plans(DataScope.all(), ofOne, 100)).hasSize(3);
        assertThat(own(other)).extracting(PlanView::operatorCreditCode).containsOnly(other.creditCode());
        assertThat(catalogue.history(other.actor().scope(), national)).isEmpty();
        assertThat(catalogue.plans(DataScope.none(), ofOne, 100)).isEmpty();
        // Two operators may use the same code: codes are the operator's own.
        assertThat(own(other)).extracting(PlanView::planCode).containsExactly("GD-1");
    }

    private List<PlanView> onSale(Operator operator, DataScope scope, String day) {
        return catalogue.plans(
                scope,
                new PlanCatalogue.Filter(operator.creditCode(), null, null, null, LocalDate.parse(day), null),
                100);
    }

    private static List<FieldProblem> problems(Runnable action) {
        try {
            action.run();
        } catch (RejectedInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the input to be refused");
    }
}
