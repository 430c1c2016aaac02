package org.telereg.platform.universal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telereg.platform.universal.UniversalFixtures.HEADER;
import static org.telereg.platform.universal.UniversalFixtures.LAT;
import static org.telereg.platform.universal.UniversalFixtures.batch;
import static org.telereg.platform.universal.UniversalFixtures.line;
import static org.telereg.platform.universal.UniversalFixtures.village;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.RejectedInputException;

/** Batches, villages, progress, acceptance and the report, through the module's facades. */
@PlatformIntegrationTest
class UniversalServiceIntegrationTests {

    private static final Actor MINISTRY = Actor.system();

    @Autowired
    PilotBatches batches;

    @Autowired
    PilotVillages villages;

    @Autowired
    CoverageEvidence evidence;

    @Autowired
    Acceptances acceptances;

    @Autowired
    CompensationReport report;

    @Autowired
    AccessManagement access;

    private String cmcc() {
        return access.organisation("OP-CMCC").orElseThrow().creditCode();
    }

    private String ctcc() {
        return access.organisation("OP-CTCC").orElseThrow().creditCode();
    }

    private VillageView imported(PilotBatch batch, String csvLines) {
        ImportOutcome outcome =
                villages.importCsv(MINISTRY, batch.id(), (HEADER + csvLines).getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.errors()).isEmpty();
        return villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id())).get(0);
    }

    private static ProgressForm progress(String status, String percent, String on) {
        return new ProgressForm(status, percent, on, null);
    }

    private VillageView built(Actor operator, VillageView village) {
        villages.reportProgress(operator, village.id(), progress("UNDER_CONSTRUCTION", "40", "2026-03-01"));
        return villages.reportProgress(operator, village.id(), progress("BUILT", null, "2026-09-01"));
    }

    private static List<String> problems(ImportOutcome outcome) {
        return outcome.errors().stream()
                .map(e -> e.line() + " " + e.field() + " " + e.code())
                .toList();
    }

    @Test
    void aCsvWithBadLinesIsRefusedWholeNamingEachLineAndColumn() {
        PilotBatch batch = batch(batches);
        String csv = HEADER
                + village("540121001201", cmcc(), "4G")
                + village("54012100120", cmcc(), "4G")
                + village("999999001202", cmcc(), "4G")
                + line("540121001203", "纬度错村", 95.0, cmcc(), "4G", "500000", "40000", false, false)
                + village("540121001201", cmcc(), "5G")
                + village("540121001204", "不存在的公司", "6G");

        ImportOutcome outcome = villages.importCsv(MINISTRY, batch.id(), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(problems(outcome))
                .containsExactly(
                        "3 village_code universal.invalid.villageCode",
                        "4 village_code universal.invalid.county",
                        "5 latitude universal.invalid.range",
                        "6 village_code universal.import.duplicateLine",
                        "7 operator universal.invalid.operator",
                        "7 plan universal.invalid.plan");
        assertThat(villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id())))
                .as("nothing half-written")
                .isEmpty();
    }

    @Test
    void aGbkFileWithOperatorNamesImportsOnceAndAVillageAlreadyInTheBatchIsRefused() {
        PilotBatch batch = batch(batches);
        String csv = "行政村代码,村名,纬度,经度,人口,户数,边境,海岛,运营商,建设方式,建设投资,年运维成本\n"
                + "540121001201,卡孜村,33.5,80.5,1200,300,否,否,中国移动,4G,500000,40000\n"
                + "540121001202,强嘎村,33.6,80.5,800,200,是,否,China Telecom,光纤,300000,20000\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        ImportOutcome first = villages.importCsv(MINISTRY, batch.id(), gbk);
        ImportOutcome again = villages.importCsv(MINISTRY, batch.id(), gbk);
        ImportOutcome overlapping = villages.importCsv(
                MINISTRY,
                batch.id(),
                (HEADER + village("540121001202", cmcc(), "4G")).getBytes(StandardCharsets.UTF_8));

        assertThat(first.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(first.rows()).isEqualTo(2);
        assertThat(first.encoding()).isEqualTo("GB18030");
        assertThat(again.status()).isEqualTo(ImportOutcome.Status.ALREADY_IMPORTED);
        assertThat(problems(overlapping)).containsExactly("2 village_code universal.invalid.duplicateVillage");
        List<VillageView> found = villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id()));
        assertThat(found).extracting(VillageView::name).containsExactly("卡孜村", "强嘎村");
        assertThat(found.get(0).operatorCreditCode()).isEqualTo(cmcc());
        assertThat(found.get(1).operatorCreditCode()).isEqualTo(ctcc());
        assertThat(found.get(1).plan()).isEqualTo(Plan.FIBRE);
        assertThat(found.get(1).border()).isTrue();
        assertThat(found.get(0).countyName()).isEqualTo("林周县");
    }

    @Test
    void emptyMaliciousAndHeaderlessFilesAreRefusedAsFiles() {
        PilotBatch batch = batch(batches);

        assertThat(problems(villages.importCsv(MINISTRY, batch.id(), new byte[0])))
                .containsExactly("0 file invalid.file.empty");
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(problems(villages.importCsv(MINISTRY, batch.id(), huge)))
                .containsExactly("0 file universal.import.tooLarge");
        assertThat(problems(villages.importCsv(MINISTRY, batch.id(), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0})))
                .containsExactly("0 file invalid.file.encoding");
        assertThat(problems(villages.importCsv(
                        MINISTRY, batch.id(), "village_code,name\n540121001201,x\n".getBytes(StandardCharsets.UTF_8))))
                .contains("1 latitude universal.import.missingColumn");
        ImportOutcome formula = villages.importCsv(
                MINISTRY,
                batch.id(),
                (HEADER + line("540121001201", "=HYPERLINK(\"x\")\u0007", LAT, cmcc(), "4G", "1", "1", false, false))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(problems(formula)).containsExactly("2 name invalid.control");
    }

    @Test
    void aProvincialAdministrationAssignsOnlyVillagesOfItsProvince() {
        PilotBatch batch = batch(batches);
        Actor tibet = UniversalFixtures.province("54", "西藏自治区通信管理局");

        ImportOutcome outcome = villages.importCsv(
                tibet,
                batch.id(),
                (HEADER + village("540121001201", cmcc(), "4G") + village("440882001201", cmcc(), "4G"))
                        .getBytes(StandardCharsets.UTF_8));
        VillageView own = villages.save(tibet, batch.id(), null, form("540121001209", cmcc()));

        assertThat(problems(outcome)).containsExactly("3 village_code universal.invalid.outsideProvince");
        assertThat(own.provinceCode()).isEqualTo("54");
        assertThat(villages.find(DataScope.province("44"), own.id())).isEmpty();
        assertThatThrownBy(() -> villages.save(
                        UniversalFixtures.province("44", "广东省通信管理局"),
                        batch.id(),
                        own.id(),
                        form("540121001209", cmcc())))
                .isInstanceOf(NoSuchElementException.class);
    }

    private static VillageForm form(String code, String operator) {
        return new VillageForm(
                code, "表单村", "33.5", "80.5", "900", "250", "false", "true", operator, "5G", "800000", "50000");
    }

    @Test
    void anOperatorSeesAndUpdatesOnlyItsOwnVillages() {
        PilotBatch batch = batch(batches);
        villages.importCsv(
                MINISTRY,
                batch.id(),
                (HEADER + village("540121001201", cmcc(), "4G") + village("540121001202", ctcc(), "4G"))
                        .getBytes(StandardCharsets.UTF_8));
        List<VillageView> all = villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id()));
        VillageView mine = all.get(0);
        VillageView theirs = all.get(1);
        Actor cmcc = UniversalFixtures.operator(access, "OP-CMCC");

        assertThat(villages.search(cmcc.scope(), VillageSearch.ofBatch(batch.id()), PageRequest.of(0, 10))
                        .getContent())
                .extracting(VillageView::id)
                .containsExactly(mine.id());
        assertThat(villages.find(cmcc.scope(), theirs.id())).isEmpty();
        assertThatThrownBy(() ->
                        villages.reportProgress(cmcc, theirs.id(), progress("UNDER_CONSTRUCTION", "10", "2026-03-01")))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> villages.reportProgress(
                        UniversalFixtures.province("54", "西藏自治区通信管理局"),
                        mine.id(),
                        progress("UNDER_CONSTRUCTION", "10", "2026-03-01")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(villages.reportProgress(cmcc, mine.id(), progress("UNDER_CONSTRUCTION", "10", "2026-03-01"))
                        .status())
                .isEqualTo(BuildStatus.UNDER_CONSTRUCTION);
        assertThat(villages.find(DataScope.all(), theirs.id()).orElseThrow().status())
                .isEqualTo(BuildStatus.PLANNED);
    }

    @Test
    void progressMovesForwardOnlyAndForbiddenTransitionsAreRefusedNamingTheField() {
        PilotBatch batch = batch(batches);
        VillageView village = imported(batch, village("540121001201", cmcc(), "FIBRE"));
        Actor cmcc = UniversalFixtures.operator(access, "OP-CMCC");

        VillageView started =
                villages.reportProgress(cmcc, village.id(), progress("UNDER_CONSTRUCTION", "30", "2026-03-01"));
        assertThat(started.startedOn()).hasToString("2026-03-01");
        assertThat(field(() -> villages.reportProgress(
                        cmcc, village.id(), progress("UNDER_CONSTRUCTION", "20", "2026-04-01"))))
                .isEqualTo("percent universal.invalid.percentBackwards");
        assertThat(field(() -> villages.reportProgress(
                        cmcc, village.id(), progress("UNDER_CONSTRUCTION", "50", "2026-02-01"))))
                .isEqualTo("on universal.invalid.beforeLastMilestone");
        assertThat(field(() -> villages.reportProgress(
                        cmcc, village.id(), progress("UNDER_CONSTRUCTION", "50", "2099-01-01"))))
                .isEqualTo("on invalid.future");
        assertThat(field(() -> villages.reportProgress(cmcc, village.id(), progress("ACCEPTED", null, "2026-04-01"))))
                .isEqualTo("status universal.invalid.transition");
        assertThat(field(() -> acceptances.record(
                        MINISTRY, village.id(), new AcceptanceForm("ACCEPTED", "2026-04-01", "true", "200", null))))
                .isEqualTo("status universal.invalid.notAwaitingAcceptance");

        VillageView built = villages.reportProgress(cmcc, village.id(), progress("BUILT", null, "2026-06-01"));
        assertThat(built.status()).isEqualTo(BuildStatus.BUILT);
        assertThat(built.progressPercent()).isEqualTo(100);
        assertThat(field(() -> villages.reportProgress(
                        cmcc, village.id(), progress("UNDER_CONSTRUCTION", "90", "2026-07-01"))))
                .isEqualTo("status universal.invalid.transition");

        VillageView accepted = acceptances.record(
                MINISTRY, village.id(), new AcceptanceForm("ACCEPTED", "2026-07-01", "true", "200", null));
        assertThat(accepted.status()).isEqualTo(BuildStatus.ACCEPTED);
        assertThat(accepted.acceptedOn()).hasToString("2026-07-01");
        assertThat(field(() -> villages.reportProgress(cmcc, village.id(), progress("BUILT", null, "2026-08-01"))))
                .isEqualTo("status universal.invalid.transition");
        assertThat(villages.steps(village.id()))
                .extracting(VillageStep::action)
                .containsExactly("IMPORTED", "PROGRESS", "PROGRESS", "ACCEPTED");
    }

    private static String field(Runnable action) {
        try {
            action.run();
        } catch (RejectedInputException e) {
            return e.problems().get(0).field() + " " + e.problems().get(0).code();
        }
        return "accepted";
    }

    @Test
    void acceptingAVillageThatFailsTheTestIsRefusedAndAReTestAfterANewSitePasses() {
        PilotBatch batch = batch(batches);
        VillageView village = imported(batch, village("540121001201", cmcc(), "4G"));
        Actor cmcc = UniversalFixtures.operator(access, "OP-CMCC");
        built(cmcc, village);
        Actor tibet = UniversalFixtures.province("54", "西藏自治区通信管理局");
        // 0.045056° north of the committee: 5.010 km, just outside the 5 km radius.
        evidence.importSites(
                cmcc,
                null,
                ("site_code,latitude,longitude,technology\nTEST-FAR-" + batch.id() + "," + (LAT + 0.045056)
                                + ",80.5,4G\n")
                        .getBytes(StandardCharsets.UTF_8));

        CoverageTest.Result failing = acceptances.test(tibet.scope(), village.id(), null);
        assertThat(failing.passed()).isFalse();
        assertThat(failing.nearestKm()).isEqualByComparingTo("5.010");
        assertThat(field(() -> acceptances.record(
                        tibet, village.id(), new AcceptanceForm("ACCEPTED", "2026-10-01", null, null, null))))
                .isEqualTo("outcome universal.invalid.acceptFailing");
        assertThat(acceptances
                        .record(
                                tibet,
                                village.id(),
                                new AcceptanceForm("FAILED_ACCEPTANCE", "2026-10-01", null, null, null))
                        .status())
                .isEqualTo(BuildStatus.FAILED_ACCEPTANCE);
        assertThat(acceptances.history(village.id()).get(0).reasons())
                .anySatisfy(r -> assertThat(r.code()).isEqualTo("universal.reason.siteTooFar"));
        assertThatThrownBy(() -> acceptances.record(
                        UniversalFixtures.province("44", "广东省通信管理局"),
                        village.id(),
                        new AcceptanceForm("ACCEPTED", "2026-10-02", null, null, null)))
                .isInstanceOf(NoSuchElementException.class);

        // 0.044876°: 4.990 km, inside.
        evidence.importSites(
                cmcc,
                null,
                ("site_code,latitude,longitude,technology\nTEST-NEAR-" + batch.id() + "," + (LAT + 0.044876)
                                + ",80.5,4G\n")
                        .getBytes(StandardCharsets.UTF_8));
        VillageView accepted =
                acceptances.record(tibet, village.id(), new AcceptanceForm("ACCEPTED", "2026-10-02", null, null, null));

        assertThat(accepted.status()).isEqualTo(BuildStatus.ACCEPTED);
        assertThat(acceptances.history(village.id()).get(0).nearestKm()).isEqualByComparingTo("4.990");
    }

    @Test
    void signalAtEveryPlaceAcceptsAVillageAndA19HouseholdSettlementDoesNotCount() {
        PilotBatch batch = batch(batches);
        VillageView village =
                imported(batch, line("540121001201", "信号村", 33.9, cmcc(), "4G", "500000", "40000", false, false));
        Actor cmcc = UniversalFixtures.operator(access, "OP-CMCC");
        built(cmcc, village);
        String tests = "village_code,kind,name,households,signal,technology,tested_at\n"
                + "540121001201,COMMITTEE,村委会,,yes,4G,2026-09-05 10:00\n"
                + "540121001201,SCHOOL,村小学,,是,4G,2026-09-05 10:10\n"
                + "540121001201,CLINIC,卫生室,,yes,5G,2026-09-05 10:20\n"
                + "540121001201,SETTLEMENT,上寨组,20,yes,4G,2026-09-05 10:30\n"
                + "540121001201,SETTLEMENT,后山组,19,no,,2026-09-05 10:40\n";

        ImportOutcome outcome = evidence.importTestPoints(cmcc, batch.id(), tests.getBytes(StandardCharsets.UTF_8));
        CoverageTest.Result result = acceptances.test(DataScope.all(), village.id(), null);

        assertThat(outcome.rows()).isEqualTo(5);
        assertThat(result.passed()).isTrue();
        assertThat(result.basis()).isEqualTo(CoverageTest.Basis.EVERY_PLACE_HAS_SIGNAL);
        assertThat(result.reasons())
                .anySatisfy(r -> assertThat(r.code()).isEqualTo("universal.reason.settlementTooSmall"));

        String worse = tests.replace("上寨组,20,yes,4G", "上寨组,20,no,");
        evidence.importTestPoints(cmcc, batch.id(), worse.getBytes(StandardCharsets.UTF_8));
        assertThat(acceptances.test(DataScope.all(), village.id(), null).placesWithoutSignal())
                .as("a newer file replaces the village's tests")
                .containsExactly("SETTLEMENT 上寨组");
    }

    @Test
    void signalTestsOfAnotherOperatorsVillageOrWithBadValuesAreRefusedByLine() {
        PilotBatch batch = batch(batches);
        villages.importCsv(
                MINISTRY,
                batch.id(),
                (HEADER + village("540121001201", cmcc(), "4G") + village("540121001202", ctcc(), "4G"))
                        .getBytes(StandardCharsets.UTF_8));
        Actor cmcc = UniversalFixtures.operator(access, "OP-CMCC");
        String tests = "village_code,kind,name,households,signal,technology,tested_at\n"
                + "540121001201,COMMITTEE,村委会,,yes,4G,2026-09-05 10:00\n"
                + "540121001202,COMMITTEE,村委会,,yes,4G,2026-09-05 10:00\n"
                + "540121001201,MARKET,集市,,yes,4G,2026-09-05 10:00\n"
                + "540121001201,SCHOOL,村小学,,yes,3G,2026-09-05 10:00\n"
                + "540121001201,CLINIC,卫生室,,yes,4G,2099-01-01 10:00\n";

        ImportOutcome outcome = evidence.importTestPoints(cmcc, batch.id(), tests.getBytes(StandardCharsets.UTF_8));

        assertThat(problems(outcome))
                .containsExactly(
                        "3 village_code universal.invalid.notInBatch",
                        "4 kind invalid.choice",
                        "5 technology universal.invalid.technology",
                        "6 tested_at invalid.future");
        assertThat(evidence.testPoints(villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id()))
                        .get(0)
                        .id()))
                .isEmpty();
    }

    @Test
    void theReportGivesVillagesAcceptedPopulationCostsAndCompensationPerProvince() {
        PilotBatch batch = batch(batches);
        villages.importCsv(
                MINISTRY,
                batch.id(),
                (HEADER
                                + line("540121001201", "光纤村", LAT, cmcc(), "FIBRE", "500000", "40000", false, false)
                                + line("540121001202", "边境村", LAT, cmcc(), "4G", "500000", "40000", true, false)
                                + line("440882001203", "海岛村", 20.9, ctcc(), "4G", "100000.50", "10000.25", false, true))
                        .getBytes(StandardCharsets.UTF_8));
        VillageView fibre = villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id())).stream()
                .filter(v -> v.plan() == Plan.FIBRE)
                .findFirst()
                .orElseThrow();
        built(UniversalFixtures.operator(access, "OP-CMCC"), fibre);
        assertThat(field(() -> acceptances.record(
                        MINISTRY, fibre.id(), new AcceptanceForm("ACCEPTED", "2026-10-01", "true", "99", null))))
                .isEqualTo("outcome universal.invalid.acceptFailing");
        acceptances.record(MINISTRY, fibre.id(), new AcceptanceForm("ACCEPTED", "2026-10-01", "true", "150", null));

        List<CompensationRow> rows = report.rows(DataScope.all(), batch.id());

        // 44: 30 % × (100 000.50 + 10 × 10 000.25) = 30 % × 200 003.00 = 60 000.90
        // 54: 30 % × (500 000 + 6 × 40 000) = 222 000.00 (accepted) + 30 % × (500 000 + 10 × 40 000) = 270 000.00
        assertThat(rows)
                .extracting(
                        CompensationRow::provinceCode,
                        CompensationRow::villages,
                        CompensationRow::accepted,
                        CompensationRow::populationCovered,
                        r -> r.construction().toPlainString(),
                        r -> r.operation().toPlainString(),
                        r -> r.compensation().toPlainString(),
                        r -> r.payable().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "44", 1L, 0L, 0L, "100000.50", "100002.50", "60000.90", "0.00"),
                        org.assertj.core.groups.Tuple.tuple(
                                "54", 2L, 1L, 1200L, "1000000.00", "640000.00", "492000.00", "222000.00"),
                        org.assertj.core.groups.Tuple.tuple(
                                null, 3L, 1L, 1200L, "1100000.50", "740002.50", "552000.90", "222000.00"));
        assertThat(report.rows(UniversalFixtures.operator(access, "OP-CTCC").scope(), batch.id()))
                .as("an operator's report holds only its own villages")
                .extracting(CompensationRow::provinceCode)
                .containsExactly("44", null);
    }

    @Test
    void villagesUnfinishedAfterTheCompletionDateAreListedLate() {
        PilotBatch past = batch(batches, "30", "6", "10", "2025-12-31");
        villages.importCsv(
                MINISTRY,
                past.id(),
                (HEADER + village("540121001201", cmcc(), "FIBRE") + village("540121001202", cmcc(), "FIBRE"))
                        .getBytes(StandardCharsets.UTF_8));
        List<VillageView> all = villages.all(DataScope.all(), VillageSearch.ofBatch(past.id()));
        built(UniversalFixtures.operator(access, "OP-CMCC"), all.get(1));
        VillageSearch late = new VillageSearch(past.id(), null, null, null, null, null, true);

        assertThat(villages.all(DataScope.all(), late))
                .extracting(VillageView::code)
                .containsExactly("540121001201");
        assertThat(all.get(0).late(batches.today())).isTrue();
        assertThat(villages.statusCounts(DataScope.all(), VillageSearch.ofBatch(past.id())))
                .containsEntry(BuildStatus.PLANNED, 1L)
                .containsEntry(BuildStatus.BUILT, 1L)
                .containsEntry(BuildStatus.ACCEPTED, 0L);
    }

    @Test
    void batchRulesAreCheckedFieldByFieldAndOnlyTheMinistryKeepsThem() {
        RejectedInputException refused = org.junit.jupiter.api.Assertions.assertThrows(
                RejectedInputException.class,
                () -> batches.save(
                        MINISTRY,
                        null,
                        new BatchForm("", "2025", "0", "5", "abc", "6", "60", "20", "100", "2024-12-31")));
        assertThat(refused.problems())
                .extracting(p -> p.field() + " " + p.code())
                .containsExactlyInAnyOrder(
                        "name invalid.required",
                        "sharePercent universal.invalid.range",
                        "borderYears universal.invalid.integer",
                        "radiusKm universal.invalid.range",
                        "ordinaryYears universal.invalid.belowMinimumYears",
                        "completionDue universal.invalid.dueBeforeYear");
        PilotBatch batch = batch(batches);
        assertThat(field(() -> batches.save(MINISTRY, null, BatchForm.of(batch))))
                .isEqualTo("name universal.invalid.batchNameTaken");
        assertThatThrownBy(() -> batches.save(UniversalFixtures.province("54", "西藏"), batch.id(), BatchForm.of(batch)))
                .isInstanceOf(AccessDeniedException.class);
        PilotBatch changed = batches.save(
                MINISTRY,
                batch.id(),
                new BatchForm(batch.name(), "2025", "25", "8", "12", "6", "5", "20", "100", "2026-12-31"));
        assertThat(changed.sharePercent()).isEqualByComparingTo("25");
        assertThat(changed.borderYears()).isEqualTo(12);
    }
}
