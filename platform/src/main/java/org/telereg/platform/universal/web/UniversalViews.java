package org.telereg.platform.universal.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.universal.BuildStatus;
import org.telereg.platform.universal.CompensationRow;
import org.telereg.platform.universal.CoverageTest;
import org.telereg.platform.universal.PilotBatches;
import org.telereg.platform.universal.Plan;
import org.telereg.platform.universal.VillageSearch;

/** What the console and the API share: the read check, filters, localised reasons and the CSV report. */
@Component
public class UniversalViews {

    private final MessageSource messages;

    UniversalViews(MessageSource messages) {
        this.messages = messages;
    }

    static void requireRead(Actor actor) {
        if (!PilotBatches.canRead(actor)) {
            throw new AccessDeniedException("the universal-service pilot is for regulators and operators");
        }
    }

    static VillageSearch search(
            Long batch, String status, String province, String plan, String operator, String text, boolean late) {
        BuildStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            for (BuildStatus s : BuildStatus.values()) {
                if (s.name().equalsIgnoreCase(status.strip())) {
                    parsedStatus = s;
                }
            }
        }
        return new VillageSearch(
                batch,
                parsedStatus,
                blank(province),
                plan == null ? null : Plan.parse(plan).orElse(null),
                blank(operator),
                blank(text),
                late);
    }

    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A reason in the reader's language. */
    public String text(CoverageTest.Reason reason) {
        return messages.getMessage(reason.code(), reason.arguments(), reason.code(), LocaleContextHolder.getLocale());
    }

    Map<String, Object> result(CoverageTest.Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("passed", result.passed());
        body.put("basis", result.basis());
        body.put("nearestSite", result.nearestSite());
        body.put("nearestKm", result.nearestKm());
        body.put("placesWithoutSignal", result.placesWithoutSignal());
        body.put(
                "reasons",
                result.reasons().stream()
                        .map(r -> Map.of("code", r.code(), "message", text(r)))
                        .toList());
        return body;
    }

    ResponseEntity<byte[]> csv(List<CompensationRow> rows) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder csv = new StringBuilder("\uFEFF");
        String[] header = {
            "batch",
            "province",
            "villages",
            "accepted",
            "population",
            "populationCovered",
            "construction",
            "operation",
            "compensation",
            "payable"
        };
        for (int i = 0; i < header.length; i++) {
            csv.append(i == 0 ? "" : ",")
                    .append(CsvCells.quoted(
                            messages.getMessage("universal.report." + header[i], null, header[i], locale)));
        }
        csv.append("\r\n");
        String total = messages.getMessage("universal.report.total", null, "total", locale);
        for (CompensationRow row : rows) {
            csv.append(CsvCells.quoted(row.batchName()))
                    .append(',')
                    .append(CsvCells.quoted(row.provinceName() == null ? total : row.provinceName()))
                    .append(',')
                    .append(row.villages())
                    .append(',')
                    .append(row.accepted())
                    .append(',')
                    .append(row.population())
                    .append(',')
                    .append(row.populationCovered())
                    .append(',')
                    .append(row.construction().toPlainString())
                    .append(',')
                    .append(row.operation().toPlainString())
                    .append(',')
                    .append(row.compensation().toPlainString())
                    .append(',')
                    .append(row.payable().toPlainString())
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"universal-service-compensation.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
