package org.telereg.platform.broadband.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.telereg.platform.broadband.ChallengeKind;
import org.telereg.platform.broadband.ChallengeStatus;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;

/** The filters of the comparison and challenge pages and APIs, read once and named when wrong. */
final class ChallengeFilters {

    private ChallengeFilters() {}

    record Months(YearMonth from, YearMonth to) {}

    record Search(ChallengeStatus status, ChallengeKind kind, String province) {}

    /** {@code 2026-01} .. {@code 2026-03}; either missing takes the default's. */
    static Months months(String from, String to, YearMonth[] defaults) {
        FieldProblems problems = new FieldProblems();
        YearMonth first = month(problems, "from", from, defaults[0]);
        YearMonth last = month(problems, "to", to, defaults[1]);
        if (first != null && last != null && last.isBefore(first)) {
            problems.reject("to", "broadband.query.toBeforeFrom", "is before from");
        }
        problems.throwIfAny();
        return new Months(first, last);
    }

    static Search search(String status, String kind, String province) {
        FieldProblems problems = new FieldProblems();
        ChallengeStatus s = blank(status) ? null : problems.choice("status", status, ChallengeStatus.class);
        ChallengeKind k = blank(kind) ? null : problems.choice("kind", kind, ChallengeKind.class);
        String p = province(problems, province);
        problems.throwIfAny();
        return new Search(s, k, p);
    }

    static String province(String province) {
        FieldProblems problems = new FieldProblems();
        String code = province(problems, province);
        problems.throwIfAny();
        return code;
    }

    private static String province(FieldProblems problems, String province) {
        if (blank(province)) {
            return null;
        }
        try {
            return ProvinceCode.of(province).code();
        } catch (InvalidValueException e) {
            problems.reject("province", e.code(), e.getMessage(), e.arguments());
            return null;
        }
    }

    private static YearMonth month(FieldProblems problems, String field, String text, YearMonth fallback) {
        if (blank(text)) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.reject(field, "broadband.challenge.badMonth", "is not a month like 2026-03", text.strip());
            return null;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
