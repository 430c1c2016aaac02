package org.telereg.platform.licensing;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A licence number in the issuer's format: the ministry's {@code B2-20260001}, a provincial
 * administration's {@code 粤B2-20260001}, combined classes {@code A2.B1.B2-20260001}, an optional
 * site suffix {@code 粤B2-20090059-5}; and the legacy ICP licence {@code 京ICP证030173号}. Parsing
 * accepts the province aliases (黔 滇 蜀 陇); {@link #toString()} uses the primary abbreviation.
 *
 * @param provinceCode the issuing province, or {@code null} for the ministry
 * @param classes the licence classes in order, e.g. [A2, B1, B2]; empty for a legacy ICP licence
 * @param year the year of issue (four digits); for a legacy ICP licence, 0
 * @param serial the serial within issuer and year (or the legacy ICP serial)
 * @param site the site-level suffix, or 0
 */
public record LicenceNumber(String provinceCode, List<String> classes, int year, int serial, int site) {

    private static final Pattern MODERN =
            Pattern.compile("^(\\p{IsHan})?((?:[AB][12])(?:\\.[AB][12])*)-(\\d{4})(\\d{4})(?:-(\\d{1,4}))?$");
    private static final Pattern LEGACY_ICP = Pattern.compile("^(\\p{IsHan})ICP证(\\d{6})号$");
    private static final List<String> CLASS_ORDER = List.of("A1", "A2", "B1", "B2");

    public LicenceNumber {
        classes = List.copyOf(classes);
        Objects.requireNonNull(classes, "classes");
    }

    /** The number for a grant: classes sorted A1, A2, B1, B2 and joined with dots. */
    static LicenceNumber of(String provinceCode, List<String> classes, int year, int serial) {
        List<String> sorted = classes.stream()
                .distinct()
                .sorted((a, b) -> CLASS_ORDER.indexOf(a) - CLASS_ORDER.indexOf(b))
                .toList();
        if (sorted.isEmpty() || !CLASS_ORDER.containsAll(sorted)) {
            throw new IllegalArgumentException("licence classes " + classes);
        }
        if (serial < 1 || serial > 9999) {
            throw new IllegalArgumentException("serial " + serial + " does not fit four digits");
        }
        return new LicenceNumber(provinceCode, sorted, year, serial, 0);
    }

    /**
     * Parses a licence number as written on a certificate or in a document.
     *
     * @throws InvalidValueException {@code licensing.invalid.number} when it is not one
     */
    public static LicenceNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("licensing.invalid.number", "licence number is empty", "");
        }
        String stripped = text.strip().replace('－', '-').replace('．', '.').toUpperCase();
        // The legacy pattern is matched on the original case: 证 and 号 are not letters.
        Matcher legacy = LEGACY_ICP.matcher(text.strip());
        if (legacy.matches()) {
            return new LicenceNumber(
                    province(legacy.group(1), text), List.of(), 0, Integer.parseInt(legacy.group(2)), 0);
        }
        Matcher modern = MODERN.matcher(stripped);
        if (!modern.matches()) {
            throw new InvalidValueException("licensing.invalid.number", "not a licence number: " + text, text.strip());
        }
        String province = modern.group(1) == null ? null : province(modern.group(1), text);
        List<String> classes = List.of(modern.group(2).split("\\."));
        if (classes.stream().distinct().count() != classes.size()) {
            throw new InvalidValueException("licensing.invalid.number", "a class appears twice: " + text, text.strip());
        }
        return new LicenceNumber(
                province,
                classes,
                Integer.parseInt(modern.group(3)),
                Integer.parseInt(modern.group(4)),
                modern.group(5) == null ? 0 : Integer.parseInt(modern.group(5)));
    }

    public boolean legacyIcp() {
        return classes.isEmpty();
    }

    @Override
    public String toString() {
        String prefix = provinceCode == null ? "" : new ProvinceCode(provinceCode).abbreviation();
        if (legacyIcp()) {
            return prefix + "ICP证" + String.format("%06d", serial) + "号";
        }
        return prefix + String.join(".", classes) + "-" + year + String.format("%04d", serial)
                + (site == 0 ? "" : "-" + site);
    }

    private static String province(String abbreviation, String text) {
        try {
            return ProvinceCode.of(abbreviation).code();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(
                    "licensing.invalid.numberProvince", "unknown province in " + text, abbreviation);
        }
    }
}
