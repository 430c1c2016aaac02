package org.telereg.platform.filing.web;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.telereg.platform.filing.ApplicationView;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.shared.ProvinceCode;

/**
 * The application queue as CSV, in the user's language: UTF-8 with a byte-order mark so that Excel on
 * Chinese Windows reads it, personal data masked as the queue shows it, and cells that Excel would run
 * as formulas defused.
 */
final class ApplicationCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final List<String> HEADERS = List.of(
            "trackingNumber",
            "kind",
            "province",
            "sponsorName",
            "certificateNumber",
            "principalName",
            "principalPhone",
            "services",
            "domains",
            "accessProvider",
            "status",
            "submittedAt",
            "changedOn",
            "lateChange",
            "reviewDueOn",
            "subjectNumber");

    private ApplicationCsv() {}

    static void write(PrintWriter out, List<ApplicationView> rows, MessageSource messages, Locale locale) {
        out.write('\uFEFF');
        out.print(HEADERS.stream()
                .map(h -> CsvCells.cell(messages.getMessage("filing.app.field." + h, null, locale)))
                .collect(Collectors.joining(",")));
        out.print("\r\n");
        for (ApplicationView a : rows) {
            out.print(Stream.of(
                            a.trackingNumber(),
                            messages.getMessage("filing.app.kind." + a.kind(), null, locale),
                            ProvinceCode.of(a.provinceCode()).shortName(),
                            a.maskedSponsorName(),
                            a.maskedCertificateNumber(),
                            a.maskedPrincipalName(),
                            a.maskedPrincipalPhone(),
                            a.serviceNames(),
                            a.services().stream()
                                    .flatMap(s -> s.appIdentifier() != null
                                            ? Stream.of(s.appIdentifier())
                                            : s.domains().stream())
                                    .collect(Collectors.joining(" ")),
                            a.providerName(),
                            messages.getMessage("filing.app.status." + a.status(), null, locale),
                            TIME.format(a.submittedAt().atZone(java.time.ZoneId.of("Asia/Shanghai"))),
                            a.factsChangedOn() == null ? "" : a.factsChangedOn().toString(),
                            a.lateChange() ? messages.getMessage("filing.app.late", null, locale) : "",
                            a.reviewDueOn() == null ? "" : a.reviewDueOn().toString(),
                            a.subjectNumber())
                    .map(CsvCells::cell)
                    .collect(Collectors.joining(",")));
            out.print("\r\n");
        }
    }
}
