package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;

/** What one filing of a plan offers, checked field by field; {@code effectiveFrom} null when not given. */
record Offer(
        String planCode,
        String name,
        PlanKind kind,
        String provinceCode,
        BigDecimal monthlyFee,
        Integer downlinkMbps,
        BigDecimal dataGb,
        Integer voiceMinutes,
        String extras,
        int contractMonths,
        LocalDate validFrom,
        LocalDate validTo,
        PlanStatus status,
        LocalDate effectiveFrom) {

    static final BigDecimal MAX_FEE = new BigDecimal("100000");
    static final int MAX_MBPS = 100_000;
    static final BigDecimal MAX_GB = new BigDecimal("100000");
    static final int MAX_MINUTES = 100_000;
    static final int MAX_CONTRACT_MONTHS = 60;

    private static final Set<String> NATIONAL = Set.of("全国", "national", "00", "000000");

    /**
     * Reads a plan as typed; every refused field is added to {@code problems} under the name of its
     * {@link PlanInput} component, and the result is null when any was.
     */
    static Offer read(PlanInput input, FieldProblems problems) {
        int before = problems.list().size();
        String planCode = problems.text("planCode", input.planCode(), 40);
        String name = problems.text("name", input.name(), 200);
        PlanKind kind = problems.choice("kind", kindName(input.kind()), PlanKind.class);
        String province = province(input.province(), problems);
        BigDecimal fee = decimal(problems, "monthlyFee", input.monthlyFee(), 2, MAX_FEE, true);
        Integer mbps = whole(problems, "downlinkMbps", input.downlinkMbps(), 1, MAX_MBPS);
        BigDecimal gb = decimal(problems, "dataGb", input.dataGb(), 2, MAX_GB, false);
        Integer minutes = whole(problems, "voiceMinutes", input.voiceMinutes(), 0, MAX_MINUTES);
        String extras = problems.optionalText("extras", input.extras(), 500);
        Integer contract = whole(problems, "contractMonths", input.contractMonths(), 0, MAX_CONTRACT_MONTHS);
        LocalDate validFrom = problems.date("validFrom", input.validFrom(), true);
        LocalDate validTo = problems.date("validTo", input.validTo(), false);
        PlanStatus status = input.status() == null || input.status().isBlank()
                ? PlanStatus.ON_SALE
                : problems.choice("status", statusName(input.status()), PlanStatus.class);
        LocalDate effectiveFrom = problems.date("effectiveFrom", input.effectiveFrom(), false);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            problems.reject("validTo", "tariffs.invalid.datesOrder", "is before validFrom", validFrom);
        }
        if (kind != null) {
            if (kind.fixed() && mbps == null && blank(input.downlinkMbps())) {
                problems.reject("downlinkMbps", "tariffs.invalid.speedRequired", "a fixed plan needs its speed");
            }
            if (!kind.fixed() && !blank(input.downlinkMbps())) {
                problems.reject("downlinkMbps", "tariffs.invalid.notForKind", "not for this kind of plan", kind);
            }
            if (kind.mobile() && gb == null && blank(input.dataGb())) {
                problems.reject("dataGb", "tariffs.invalid.dataRequired", "a mobile plan needs its data");
            }
            if (!kind.mobile() && !blank(input.dataGb())) {
                problems.reject("dataGb", "tariffs.invalid.notForKind", "not for this kind of plan", kind);
            }
            if (!kind.mobile() && !blank(input.voiceMinutes())) {
                problems.reject("voiceMinutes", "tariffs.invalid.notForKind", "not for this kind of plan", kind);
            }
        }
        if (problems.list().size() > before) {
            return null;
        }
        return new Offer(
                planCode,
                name,
                kind,
                province,
                fee,
                mbps,
                gb,
                minutes,
                extras,
                contract == null ? 0 : contract,
                validFrom,
                validTo,
                status,
                effectiveFrom);
    }

    /** SHA-256 of what the plan offers (not when the filing takes effect): the same offer twice is one version. */
    String contentHash() {
        return Hashes.sha256(String.join(
                "\u001f",
                name,
                kind.name(),
                String.valueOf(provinceCode),
                monthlyFee.toPlainString(),
                String.valueOf(downlinkMbps),
                dataGb == null ? "null" : dataGb.stripTrailingZeros().toPlainString(),
                String.valueOf(voiceMinutes),
                String.valueOf(extras),
                String.valueOf(contractMonths),
                validFrom.toString(),
                String.valueOf(validTo),
                status.name()));
    }

    private static String province(String text, FieldProblems problems) {
        if (blank(text) || NATIONAL.contains(text.strip().toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            return ProvinceCode.of(text).code();
        } catch (InvalidValueException e) {
            problems.reject("province", e.code(), e.getMessage(), e.arguments());
            return null;
        }
    }

    private static String kindName(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "固定宽带", "宽带" -> "FIXED_BROADBAND";
            case "移动", "手机", "移动套餐" -> "MOBILE";
            case "融合", "融合套餐" -> "BUNDLE";
            default -> text;
        };
    }

    private static String statusName(String text) {
        return switch (text.strip()) {
            case "在售" -> "ON_SALE";
            case "下架", "已下架" -> "WITHDRAWN";
            default -> text;
        };
    }

    /** A positive decimal of at most {@code scale} places and below {@code max}; blank is null (refused when required). */
    static BigDecimal decimal(
            FieldProblems problems, String field, String text, int scale, BigDecimal max, boolean required) {
        if (blank(text)) {
            if (required) {
                problems.reject(field, "invalid.required", "is required");
            }
            return null;
        }
        BigDecimal value;
        try {
            String plain = text.strip().replace(",", "");
            if (!plain.matches("[+-]?\\d+(\\.\\d+)?")) {
                throw new NumberFormatException(plain);
            }
            value = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            problems.reject(field, "tariffs.invalid.number", "is not a number");
            return null;
        }
        if (value.signum() <= 0) {
            problems.reject(field, "tariffs.invalid.positive", "must be more than 0");
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            problems.reject(field, "tariffs.invalid.decimals", "has more than " + scale + " decimals", scale);
            return null;
        }
        if (value.compareTo(max) >= 0) {
            problems.reject(field, "tariffs.invalid.tooLarge", "must be less than " + max, max);
            return null;
        }
        return value.setScale(scale);
    }

    private static Integer whole(FieldProblems problems, String field, String text, int min, int max) {
        if (blank(text)) {
            return null;
        }
        String plain = text.strip().replace(",", "");
        if (!plain.matches("[+-]?\\d{1,9}")) {
            problems.reject(field, "tariffs.invalid.whole", "is not a whole number");
            return null;
        }
        int value = Integer.parseInt(plain);
        if (value < min || value > max) {
            problems.reject(field, "tariffs.invalid.range", "must be between " + min + " and " + max, min, max);
            return null;
        }
        return value;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
