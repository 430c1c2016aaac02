package org.telereg.platform.broadband.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.broadband.BatchIdReusedException;
import org.telereg.platform.broadband.ImportResult;
import org.telereg.platform.broadband.MeasurementImport;
import org.telereg.platform.broadband.MeasurementUpload;
import org.telereg.platform.broadband.SpeedQuery;
import org.telereg.platform.broadband.SpeedReport;
import org.telereg.platform.broadband.SpeedStatistics;
import org.telereg.platform.console.ProblemErrors;

/** REST API of broadband measurement: speed-test files in, download statistics out. */
@RestController
@RequestMapping("/api/v1/broadband")
@Tag(name = "提速降费与普遍服务 broadband", description = "Speed-test imports and download statistics")
class BroadbandApiController {

    private final MeasurementImport imports;
    private final SpeedStatistics statistics;
    private final MessageSource messages;

    BroadbandApiController(MeasurementImport imports, SpeedStatistics statistics, MessageSource messages) {
        this.imports = imports;
        this.statistics = statistics;
        this.messages = messages;
    }

    @PostMapping(
            path = "/measurements",
            consumes = {
                "text/csv",
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.APPLICATION_JSON_VALUE,
                "application/x-ndjson",
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    @Operation(
            summary = "Import a speed-test file (generic CSV, M-Lab NDT JSON or Ofcom panel CSV) as the request body",
            description = "By the ministry's staff, or a provincial administration for its own province. Rows the"
                    + " reader cannot read are listed with their line (rejectedRows), implausible ones with their"
                    + " reason (exclusions); the rest are stored in one transaction. The same bytes again answer"
                    + " ALREADY_IMPORTED; the same batchId with other bytes is refused (409); a file refused as a"
                    + " whole answers 400 with errors [{field: file, …}] and stores nothing. division, operator and"
                    + " technology fill records without them (NDT results carry none). See docs/broadband.md.")
    ImportResult importMeasurements(
            Actor actor,
            @RequestParam(required = false) String batchId,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String panelDate,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String technology,
            @RequestBody(required = false) byte[] body) {
        return imports.importFile(
                actor,
                new MeasurementUpload(batchId, format, panelDate, division, operator, technology),
                null,
                body == null ? new byte[0] : body);
    }

    @GetMapping("/speeds")
    @Operation(
            summary = "Download statistics per group within the caller's data scope",
            description = "by: any of province, city, operator, technology (comma-separated); period: day, month,"
                    + " quarter or year; from / to: local dates, inclusive. Each group answers count, mean, median,"
                    + " p10, p90 (Mbit/s), the busy-hour (20:00–23:00) mean and the share of tests under the plan"
                    + " speed; a figure without data is null. A bad parameter answers 400 naming it.")
    SpeedReport speeds(
            DataScope scope,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String technology,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String province) {
        return statistics.aggregate(scope, SpeedQuery.parse(by, period, from, to, technology, operator, province));
    }

    @ExceptionHandler(BatchIdReusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail batchReused(BatchIdReusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                messages.getMessage(
                        e.problems().get(0).code(), e.problems().get(0).arguments(), e.getMessage(), locale));
        problem.setTitle("Batch id reused");
        problem.setType(URI.create("urn:telereg:problem:batch-reused"));
        problem.setProperty("errors", ProblemErrors.ofFields(e.problems(), messages, locale));
        return problem;
    }
}
