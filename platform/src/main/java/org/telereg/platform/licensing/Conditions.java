package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of 电信业务经营许可管理办法 an application must meet, each checked and explained:
 * registered capital by category and coverage, the state share of basic services, and the
 * foreign-investment cap of each kind. A pilot kind (mobile resale) is held to the value-added
 * capital thresholds and has no state-share condition.
 */
final class Conditions {

    /**
     * One condition and whether the application meets it.
     *
     * @param field the application field it rests on
     * @param code the message key that explains it
     * @param arguments what the message shows (required and actual figures)
     * @param met whether the application meets it
     */
    record Finding(String field, String code, List<String> arguments, boolean met) {}

    private Conditions() {}

    static List<Finding> check(
            LicensingSettings settings,
            List<BusinessKind> kinds,
            boolean acrossProvinces,
            BigDecimal capital,
            BigDecimal stateShare,
            BigDecimal foreignShare) {
        List<Finding> findings = new ArrayList<>();
        // A pilot (mobile resale) is opened to private capital: it is held to the value-added thresholds.
        boolean basic = kinds.stream().anyMatch(k -> k.category() == ServiceCategory.BASIC && !k.pilot());
        BigDecimal required = basic
                ? (acrossProvinces ? settings.capitalBasicNational() : settings.capitalBasicProvince())
                : (acrossProvinces ? settings.capitalValueAddedNational() : settings.capitalValueAddedProvince());
        findings.add(new Finding(
                "registeredCapital",
                "licensing.condition.capital." + (basic ? "basic" : "valueAdded")
                        + (acrossProvinces ? "National" : "Province"),
                List.of(yuan(required), yuan(capital)),
                capital.compareTo(required) >= 0));
        if (basic) {
            findings.add(new Finding(
                    "investors",
                    "licensing.condition.stateShare",
                    List.of(percent(settings.basicStateSharePercent()), percent(stateShare)),
                    stateShare.compareTo(settings.basicStateSharePercent()) >= 0));
        }
        BusinessKind strictest = kinds.stream()
                .min((a, b) -> Integer.compare(a.foreignCapPercent(), b.foreignCapPercent()))
                .orElseThrow();
        findings.add(new Finding(
                "investors",
                "licensing.condition.foreignCap",
                List.of(strictest.code(), Integer.toString(strictest.foreignCapPercent()), percent(foreignShare)),
                foreignShare.compareTo(BigDecimal.valueOf(strictest.foreignCapPercent())) <= 0));
        return findings;
    }

    private static String yuan(BigDecimal amount) {
        return String.format("%,d", amount.longValue());
    }

    private static String percent(BigDecimal share) {
        return share.stripTrailingZeros().toPlainString();
    }
}
