package org.telereg.platform.tariffs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.tariffs.Dashboard;
import org.telereg.platform.tariffs.DashboardQuery;
import org.telereg.platform.tariffs.FilingResult;
import org.telereg.platform.tariffs.Grouping;
import org.telereg.platform.tariffs.PlanCatalogue;
import org.telereg.platform.tariffs.PlanInput;
import org.telereg.platform.tariffs.PlanKind;
import org.telereg.platform.tariffs.PlanStatus;
import org.telereg.platform.tariffs.PlanUploadResult;
import org.telereg.platform.tariffs.PlanView;
import org.telereg.platform.tariffs.PriceTrend;
import org.telereg.platform.tariffs.Target;
import org.telereg.platform.tariffs.TargetInput;
import org.telereg.platform.tariffs.TariffDashboard;
import org.telereg.platform.tariffs.UnitPriceTargets;
import org.telereg.platform.tariffs.UnitPrices;

/** REST API of tariffs: the plan catalogue in and out, unit prices, targets and the dashboard. */
@RestController
@RequestMapping("/api/v1/tariffs")
@Tag(name = "资费与提速降费 tariffs", description = "Plan catalogue, unit prices, targets, speed-up-fee-down dashboard")
class TariffApiController {

    private static final int MAX_PLANS = 2000;

    private final PlanCatalogue catalogue;
    private final UnitPrices prices;
    private final UnitPriceTargets targets;
    private final TariffDashboard dashboard;
    private final CompanyAliases aliases;
    private final MessageSource messages;

    TariffApiController(
            PlanCatalogue catalogue,
            UnitPrices prices,
            UnitPriceTargets targets,
            TariffDashboard dashboard,
            CompanyAliases aliases,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.prices = prices;
        this.targets = targets;
        this.dashboard = dashboard;
        this.aliases = aliases;
        this.messages = messages;
    }

    /** Unit prices two ways for the same months. */
    record UnitPriceReport(List<UnitPrices.CataloguePrice> catalogue, List<UnitPrices.ReportedPrice> reported) {}

    @GetMapping("/plans")
    @Operation(
            summary = "Plans within the caller's scope: each plan's latest version, or the versions on sale on a day",
            description = "onDate (yyyy-MM-dd) gives what was on sale that day; province gives that province's and the"
                    + " national plans; kind FIXED_BROADBAND, MOBILE or BUNDLE; status ON_SALE or WITHDRAWN. The"
                    + " ministry reads all plans, an administration the national ones and its province's, an"
                    + " operator its own.")
    List<PlanView> plans(
            Actor actor,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String onDate,
            @RequestParam(required = false) String q) {
        requireRead(actor);
        return catalogue.plans(actor.scope(), filter(operator, province, kind, status, onDate, q), MAX_PLANS);
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "Every version of one plan, oldest first (404 outside the caller's scope)")
    List<PlanView> plan(Actor actor, @PathVariable long id) {
        requireRead(actor);
        List<PlanView> versions = catalogue.history(actor.scope(), id);
        if (versions.isEmpty()) {
            throw new NoSuchElementException("no plan " + id);
        }
        return versions;
    }

    @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "File one of the caller's plans (operators only)",
            description =
                    "Fields as PlanInput: planCode, name, kind, province (empty: national), monthlyFee, downlinkMbps"
                            + " (fixed and bundles), dataGb and voiceMinutes (mobile and bundles), extras, contractMonths,"
                            + " validFrom, validTo, status, effectiveFrom. A new code is CREATED, a changed offer adds a"
                            + " version (CHANGED) effective on effectiveFrom (default today), the same offer again is"
                            + " UNCHANGED. Refused fields answer 400 problem+json naming each.")
    FilingResult file(Actor actor, @RequestBody PlanInput input) {
        return catalogue.file(actor, input);
    }

    @PostMapping(
            path = "/plans",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "File the caller's plans as CSV (UTF-8 or GBK; header row names the columns)",
            description = "All or nothing; a refused file answers 422 problem+json with errors: [{line, field, code,"
                    + " message}]. The same file again files nothing (every line UNCHANGED).")
    ResponseEntity<?> upload(Actor actor, @RequestBody byte[] body) {
        PlanUploadResult result = catalogue.upload(actor, body);
        if (result.status() == PlanUploadResult.Status.FILED) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "tariffs.upload.rejected", new Object[] {result.errors().size()}, locale));
        problem.setTitle("Plan file rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.encoding());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/unit-prices")
    @Operation(
            summary = "Unit prices per month from the catalogue (median, mean) and from operator reports",
            description = "from / to: months (2025-01); by: operator (default), operator-province or province;"
                    + " province, operator (credit code or name) narrow it. Fixed: yuan per Mbps per month, mobile:"
                    + " yuan per GB.")
    UnitPriceReport unitPrices(
            Actor actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator) {
        requireRead(actor);
        FieldProblems problems = new FieldProblems();
        YearMonth last =
                month(problems, "to", to, YearMonth.from(catalogue.today()).minusMonths(1));
        YearMonth first = month(problems, "from", from, last == null ? null : last.minusMonths(11));
        Grouping grouping = by == null || by.isBlank()
                ? Grouping.OPERATOR
                : problems.choice("by", by.replace('-', '_'), Grouping.class);
        if (first != null
                && last != null
                && (first.isAfter(last) || first.plusMonths(60).isBefore(last))) {
            problems.reject("from", "tariffs.invalid.monthRange", "must be before to, at most 60 months");
        }
        problems.throwIfAny();
        DashboardQuery query = DashboardQuery.parse(null, province, operator, last, aliases);
        return new UnitPriceReport(
                prices.catalogue(
                        actor.scope(), first, last, grouping, query.provinceCode(), query.operatorCreditCode()),
                prices.reported(
                        actor.scope(), first, last, grouping, query.provinceCode(), query.operatorCreditCode()));
    }

    @GetMapping("/targets")
    @Operation(summary = "The unit-price targets, one per year, latest first")
    List<Target> targets(Actor actor) {
        requireRead(actor);
        return targets.all();
    }

    @PutMapping(path = "/targets/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a year's target (ministry only): {fixedMax, mobileMax, reductionPercent, note}",
            description = "fixedMax yuan/Mbps/month and mobileMax yuan/GB at most 4 decimals; reductionPercent below"
                    + " the same month a year before. At least one of the three.")
    Target setTarget(Actor actor, @PathVariable String year, @RequestBody Map<String, String> body) {
        return targets.save(
                actor,
                new TargetInput(
                        year,
                        body.get("fixedMax"),
                        body.get("mobileMax"),
                        body.get("reductionPercent"),
                        body.get("note")));
    }

    @GetMapping("/dashboard")
    @Operation(
            summary = "The speed-up-fee-down dashboard for a month (default: last month)",
            description = "month 2026-10; province narrows to one province; operator (credit code or name) gives that"
                    + " operator's rows province by province. Rows: reported unit prices and their change on a year"
                    + " before with the target flags, the catalogue's median and mean unit prices, measured fibre"
                    + " download (mean, median, tests), reported download, gigabit share, fee and speed appeals."
                    + " The ministry sees all, an administration its province, an operator itself.")
    Dashboard dashboard(
            Actor actor,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator) {
        requireRead(actor);
        DashboardQuery query = DashboardQuery.parse(
                month, province, operator, YearMonth.from(catalogue.today()).minusMonths(1), aliases);
        return dashboard.dashboard(actor.scope(), query.month(), query.provinceCode(), query.operatorCreditCode());
    }

    @GetMapping("/dashboard/trend")
    @Operation(summary = "The 24-month series behind the dashboard's charts, with the targets' ceilings")
    PriceTrend trend(
            Actor actor,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator) {
        requireRead(actor);
        DashboardQuery query = DashboardQuery.parse(
                month, province, operator, YearMonth.from(catalogue.today()).minusMonths(1), aliases);
        return dashboard.trend(actor.scope(), query.month(), query.provinceCode(), query.operatorCreditCode());
    }

    private PlanCatalogue.Filter filter(
            String operator, String province, String kind, String status, String onDate, String text) {
        FieldProblems problems = new FieldProblems();
        PlanKind planKind = kind == null || kind.isBlank() ? null : problems.choice("kind", kind, PlanKind.class);
        PlanStatus planStatus =
                status == null || status.isBlank() ? null : problems.choice("status", status, PlanStatus.class);
        java.time.LocalDate day = problems.date("onDate", onDate, false);
        String q = problems.optionalText("q", text, 100);
        problems.throwIfAny();
        DashboardQuery query = DashboardQuery.parse(null, province, operator, null, aliases);
        return new PlanCatalogue.Filter(query.operatorCreditCode(), query.provinceCode(), planKind, planStatus, day, q);
    }

    private static YearMonth month(FieldProblems problems, String field, String text, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.reject(field, "tariffs.invalid.month", "is not a month like 2026-10");
            return null;
        }
    }

    private static void requireRead(Actor actor) {
        if (!PlanCatalogue.canRead(actor)) {
            throw new AccessDeniedException("tariffs are for regulators and operators");
        }
    }
}
