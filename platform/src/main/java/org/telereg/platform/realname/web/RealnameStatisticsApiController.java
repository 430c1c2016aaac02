package org.telereg.platform.realname.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.realname.CardCounts;
import org.telereg.platform.realname.ComplianceRate;
import org.telereg.platform.realname.InspectionPlanInput;
import org.telereg.platform.realname.InspectionResultInput;
import org.telereg.platform.realname.InspectionStatus;
import org.telereg.platform.realname.InspectionView;
import org.telereg.platform.realname.MonthlyReportInput;
import org.telereg.platform.realname.MonthlyReportView;
import org.telereg.platform.realname.MonthlyReports;
import org.telereg.platform.realname.OutletRisk;
import org.telereg.platform.realname.RiskOutlets;
import org.telereg.platform.realname.StoreInspections;
import org.telereg.platform.shared.RejectedInputException;

/** REST API of monthly real-name statistics, store inspections and risk-targeted outlet suggestions. */
@RestController
@RequestMapping("/api/v1/realname")
@Tag(name = "电话用户实名制 realname", description = "Subscriber snapshots and one-ID-many-cards counts")
class RealnameStatisticsApiController {

    private final MonthlyReports reports;
    private final StoreInspections inspections;
    private final RiskOutlets risks;

    RealnameStatisticsApiController(MonthlyReports reports, StoreInspections inspections, RiskOutlets risks) {
        this.reports = reports;
        this.inspections = inspections;
        this.risks = risks;
    }

    /** Compliance rates of a period by operator and by province. */
    record Compliance(LocalDate from, LocalDate to, List<ComplianceRate> byOperator, List<ComplianceRate> byProvince) {}

    @PostMapping("/monthly-reports")
    @Operation(
            summary = "Submit the caller's monthly real-name statistics for a province and month",
            description = "A JSON object with province, reportMonth (yyyy-MM) and the counts totalUsers,"
                    + " registeredUsers, newUsers, newOwnOutlets, newAgents, newOnline, newOther, outlets,"
                    + " overCapVerified, overCapSuspended. The same province and month again replaces the report"
                    + " (revision + 1). Refused fields answer 400 problem+json with errors: [{field, code, message}].")
    MonthlyReportView submit(Actor actor, @RequestBody MonthlyReportInput input) {
        return reports.submit(actor, input);
    }

    @GetMapping("/monthly-reports")
    @Operation(summary = "Monthly reports within the caller's data scope, latest month first")
    RealnameApiController.PageOf<MonthlyReportView> reports(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        requireRead(actor);
        return RealnameApiController.PageOf.of(reports.list(
                scope,
                province,
                month("from", from),
                month("to", to),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500))));
    }

    @GetMapping("/monthly-reports/missing")
    @Operation(summary = "Reports owed for a month (default: last month) and not submitted, within the caller's scope")
    List<MonthlyReports.MissingReport> missing(
            Actor actor, DataScope scope, @RequestParam(required = false) String month) {
        requireRead(actor);
        YearMonth shown = month("month", month);
        return reports.missing(
                scope, null, shown == null ? reports.currentMonth().minusMonths(1) : shown);
    }

    @GetMapping("/inspections")
    @Operation(summary = "Store inspections within the caller's data scope, planned ones first")
    RealnameApiController.PageOf<InspectionView> inspections(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) InspectionStatus status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        requireRead(actor);
        return RealnameApiController.PageOf.of(inspections.list(
                scope,
                new StoreInspections.Search(status, province, operator, null, null, null),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500))));
    }

    @PostMapping("/inspections")
    @Operation(summary = "Plan a store inspection (ministry or provincial administration, within its province)")
    InspectionView plan(Actor actor, @RequestBody InspectionPlanInput input) {
        return inspections.plan(actor, input);
    }

    @PostMapping("/inspections/{id}/result")
    @Operation(summary = "Record the result of a planned inspection")
    InspectionView record(Actor actor, @PathVariable long id, @RequestBody InspectionResultInput input) {
        return inspections.record(actor, id, input);
    }

    @GetMapping("/inspections/compliance")
    @Operation(summary = "Compliance rates by operator and by province for a period (default: this year)")
    Compliance compliance(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        requireRead(actor);
        LocalDate today = inspections.today();
        LocalDate fromDay = from == null ? today.withDayOfYear(1) : from;
        LocalDate toDay = to == null ? today : to;
        return new Compliance(
                fromDay,
                toDay,
                inspections.byOperator(scope, fromDay, toDay),
                inspections.byProvince(scope, fromDay, toDay));
    }

    @GetMapping("/risk-outlets")
    @Operation(summary = "Sales outlets suggested for inspection, by weighted fraud-confirmed and over-cap numbers")
    List<OutletRisk> riskOutlets(Actor actor, DataScope scope, @RequestParam(defaultValue = "50") int limit) {
        requireRead(actor);
        return risks.suggestions(scope, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/inspections/{id}")
    @Operation(summary = "One store inspection within the caller's scope")
    InspectionView inspection(Actor actor, DataScope scope, @PathVariable long id) {
        requireRead(actor);
        return inspections.find(scope, id).orElseThrow(() -> new NoSuchElementException("no inspection " + id));
    }

    private static YearMonth month(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw RejectedInputException.of(field, "realname.report.badMonth", "is not a month like 2026-11");
        }
    }

    private static void requireRead(Actor actor) {
        if (!CardCounts.canRead(actor)) {
            throw new AccessDeniedException("real-name data is for regulators and operators");
        }
    }
}
