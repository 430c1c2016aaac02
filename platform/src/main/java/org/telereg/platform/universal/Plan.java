package org.telereg.platform.universal;

import java.util.Locale;
import java.util.Optional;

/** What the operator builds in a village: fibre to the village, or a 4G or 5G mobile network. */
public enum Plan {
    FIBRE("FIBRE", 0),
    FOUR_G("4G", 4),
    FIVE_G("5G", 5);

    private final String code;
    private final int generation;

    Plan(String code, int generation) {
        this.code = code;
        this.generation = generation;
    }

    /** As files and the API write it: {@code FIBRE}, {@code 4G}, {@code 5G}. */
    public String code() {
        return code;
    }

    /** Whether the plan is a mobile network, checked against base sites and signal tests. */
    public boolean mobile() {
        return generation > 0;
    }

    /** Whether a site or signal of this technology serves a village of {@code plan} (5G serves a 4G plan). */
    public boolean serves(Plan plan) {
        return mobile() && plan.mobile() && generation >= plan.generation;
    }

    /** Reads {@code 4G}, {@code 5g}, {@code FOUR_G}, {@code fibre}, {@code 光纤}; empty when none fits. */
    public static Optional<Plan> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (Plan plan : values()) {
            if (plan.code.equals(key) || plan.name().equals(key)) {
                return Optional.of(plan);
            }
        }
        return switch (key) {
            case "FIBER", "光纤", "光纤宽带" -> Optional.of(FIBRE);
            default -> Optional.empty();
        };
    }
}
