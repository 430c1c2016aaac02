package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;

/**
 * The acceptance of built villages: the test against the coverage definition on the operator's sites
 * and the village's signal tests (or, for fibre, what the acceptance states), and the provincial
 * administration's decision. Accepting a village that fails the test is refused.
 */
@Service
public class Acceptances {

    private final JdbcClient jdbc;
    private final PilotBatches batches;
    private final PilotVillages villages;
    private final CoverageEvidence evidence;
    private final AuditTrail audit;
    private final Clock clock;

    Acceptances(
            JdbcClient jdbc,
            PilotBatches batches,
            PilotVillages villages,
            CoverageEvidence evidence,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.villages = villages;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ministry's staff and the administration of the village's province decide on acceptance. */
    public static boolean canDecide(Actor actor, VillageView village) {
        return PilotVillages.canManage(actor, village.provinceCode());
    }

    /**
     * Runs the acceptance test of a village the scope covers; {@code fibre} is what the acceptance
     * would state for a fibre village (ignored for 4G and 5G).
     */
    public CoverageTest.Result test(DataScope scope, long villageId, CoverageTest.FibreEvidence fibre) {
        VillageView village = villages.get(scope, villageId);
        return test(village, fibre);
    }

    CoverageTest.Result test(VillageView village, CoverageTest.FibreEvidence fibre) {
        PilotBatch batch = batches.get(village.batchId());
        if (!village.plan().mobile()) {
            return CoverageTest.fibre(fibre, batch.fibreMinMbps());
        }
        return CoverageTest.mobile(
                village.plan(),
                village.latitude().doubleValue(),
                village.longitude().doubleValue(),
                evidence.sites(village.operatorCreditCode()),
                evidence.testPoints(village.id()),
                batch.radiusKm(),
                batch.minHouseholds());
    }

    /**
     * Records the acceptance decision on a built (or failed and re-tested) village. The test runs
     * again now; ACCEPTED is refused when it fails, FAILED_ACCEPTANCE of a passing village needs a note
     * saying why.
     */
    @Transactional
    public VillageView record(Actor actor, long villageId, AcceptanceForm form) {
        VillageView village = villages.get(actor.scope(), villageId);
        if (!canDecide(actor, village)) {
            throw new AccessDeniedException("the administration of the village's province decides on acceptance");
        }
        FieldProblems problems = new FieldProblems();
        BuildStatus outcome = problems.choice("outcome", form.outcome(), BuildStatus.class);
        if (outcome != null && outcome != BuildStatus.ACCEPTED && outcome != BuildStatus.FAILED_ACCEPTANCE) {
            problems.reject("outcome", "invalid.choice", "is not ACCEPTED or FAILED_ACCEPTANCE", outcome.name());
            outcome = null;
        }
        if (!village.status().awaitsAcceptance()) {
            problems.reject(
                    "status",
                    "universal.invalid.notAwaitingAcceptance",
                    "a " + village.status() + " village is not awaiting acceptance",
                    village.status().name());
        }
        LocalDate on = problems.pastDate("on", form.on(), true, batches.today());
        if (on != null && village.builtOn() != null && on.isBefore(village.builtOn())) {
            problems.reject(
                    "on",
                    "universal.invalid.beforeBuilt",
                    "is before the village was built",
                    village.builtOn().toString());
        }
        CoverageTest.FibreEvidence fibre = null;
        if (!village.plan().mobile()) {
            Boolean reaches = Inputs.flag(problems, "fibreAtCommittee", form.fibreAtCommittee());
            BigDecimal downlink =
                    form.downlinkMbps() == null || form.downlinkMbps().isBlank()
                            ? null
                            : Inputs.decimal(problems, "downlinkMbps", form.downlinkMbps(), "0", "100000", 2);
            fibre = new CoverageTest.FibreEvidence(Boolean.TRUE.equals(reaches), downlink);
        }
        String note = problems.optionalMultilineText("note", form.note(), 1000);
        problems.throwIfAny();
        CoverageTest.Result result = test(village, fibre);
        if (outcome == BuildStatus.ACCEPTED && !result.passed()) {
            problems.reject(
                    "outcome",
                    "universal.invalid.acceptFailing",
                    "a village that fails the acceptance test cannot be accepted");
        }
        if (outcome == BuildStatus.FAILED_ACCEPTANCE && result.passed() && note == null) {
            problems.reject("note", "universal.invalid.failPassingNeedsNote", "say why a passing village fails");
        }
        problems.throwIfAny();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into universal_acceptance (village_ref, outcome, passed, basis, reasons, nearest_site,
                            nearest_km, fibre_at_committee, downlink_mbps, decided_on, decided_by, decided_at, note)
                        values (:village, :outcome, :passed, :basis, :reasons, :site, :km, :fibre, :downlink, :on, :by,
                            :at, :note)""")
                .param("village", villageId)
                .param("outcome", outcome.name())
                .param("passed", result.passed())
                .param("basis", result.basis().name())
                .param("reasons", encode(result.reasons()))
                .param("site", result.nearestSite())
                .param("km", result.nearestKm())
                .param("fibre", fibre == null ? null : fibre.reachesCommittee())
                .param("downlink", fibre == null ? null : fibre.downlinkMbps())
                .param("on", on)
                .param("by", actor.displayName() + " (" + actor.organisationName() + ")")
                .param("at", now)
                .param("note", note)
                .update();
        jdbc.sql(
                        "update universal_village set status = :status, accepted_on = :accepted, updated_at = :at where id = :id")
                .param("status", outcome.name())
                .param("accepted", outcome == BuildStatus.ACCEPTED ? on : null)
                .param("at", now)
                .param("id", villageId)
                .update();
        villages.step(villageId, outcome.name(), outcome, village.progressPercent(), on, actor, note);
        String key = village.batchName() + "/" + village.code();
        audit.record(
                "universal",
                "Village",
                key,
                "universalAcceptanceRecorded",
                Map.of("status", village.status()),
                Map.of("status", outcome, "passed", result.passed(), "basis", result.basis()));
        return villages.get(DataScope.all(), villageId);
    }

    /** The village's acceptance decisions, newest first. */
    public List<AcceptanceRecord> history(long villageId) {
        return jdbc.sql("select * from universal_acceptance where village_ref = :id order by id desc")
                .param("id", villageId)
                .query(Acceptances::record)
                .list();
    }

    private static AcceptanceRecord record(ResultSet rs, int row) throws SQLException {
        return new AcceptanceRecord(
                BuildStatus.valueOf(rs.getString("outcome")),
                rs.getBoolean("passed"),
                CoverageTest.Basis.valueOf(rs.getString("basis")),
                decode(rs.getString("reasons")),
                rs.getString("nearest_site"),
                rs.getBigDecimal("nearest_km"),
                (Boolean) rs.getObject("fibre_at_committee", Boolean.class),
                rs.getBigDecimal("downlink_mbps"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                rs.getString("note"));
    }

    /** One reason a line, its code and arguments separated by tabs (names never hold tabs: they are refused). */
    static String encode(List<CoverageTest.Reason> reasons) {
        String text = reasons.stream()
                .map(r -> r.code()
                        + Arrays.stream(r.arguments()).map(a -> "\t" + a).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        return text.length() > 4000 ? text.substring(0, text.lastIndexOf('\n', 4000)) : text;
    }

    static List<CoverageTest.Reason> decode(String text) {
        List<CoverageTest.Reason> reasons = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return reasons;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            reasons.add(new CoverageTest.Reason(parts[0], Arrays.copyOfRange(parts, 1, parts.length)));
        }
        return reasons;
    }
}
