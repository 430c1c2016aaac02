package org.telereg.engine.broadband;

import java.util.Locale;
import java.util.Optional;

/** How the measured line reaches the subscriber; each has its own plausible speed ceiling. */
public enum Technology {
    /** Fibre to the home or premises (FTTH, FTTP, 光纤, PON). */
    FIBRE,
    /** Fibre to the cabinet with VDSL on the last copper stretch (FTTC, VDSL). */
    VDSL,
    /** ADSL and ADSL2+ over copper. */
    DSL,
    /** Cable TV networks (HFC, DOCSIS, 有线电视). */
    CABLE,
    /** 4G (LTE) mobile. */
    MOBILE_4G,
    /** 5G (NR) mobile. */
    MOBILE_5G,
    /** Not stated by the source. */
    UNKNOWN;

    /**
     * The technology a source names, in English or Chinese, ignoring case, blanks and hyphens: {@code FTTH},
     * {@code 光纤}, {@code ADSL2+}, {@code 4G}, {@code 5G SA}, … An empty name is {@link #UNKNOWN}; a name not
     * recognised is empty, so the caller can report it.
     */
    public static Optional<Technology> parse(String name) {
        String key = name.strip()
                .toLowerCase(Locale.ROOT)
                .replace(" ", "")
                .replace("-", "")
                .replace("_", "");
        if (key.isEmpty() || key.equals("unknown") || key.equals("未知")) {
            return Optional.of(UNKNOWN);
        }
        return Optional.ofNullable(
                switch (key) {
                    case "fibre",
                            "fiber",
                            "ftth",
                            "fttp",
                            "ftto",
                            "fttb",
                            "pon",
                            "gpon",
                            "epon",
                            "xgpon",
                            "10gpon",
                            "光纤",
                            "光纤接入",
                            "光纤到户",
                            "ftth光纤" -> FIBRE;
                    case "vdsl", "vdsl2", "fttc", "fttcab" -> VDSL;
                    case "dsl", "adsl", "adsl2", "adsl2+", "xdsl", "铜缆", "adsl铜线" -> DSL;
                    case "cable", "hfc", "docsis", "catv", "有线电视", "广电有线", "cablemodem" -> CABLE;
                    case "4g", "lte", "4glte", "移动4g", "mobile4g" -> MOBILE_4G;
                    case "5g", "nr", "5gnr", "5gsa", "5gnsa", "移动5g", "mobile5g" -> MOBILE_5G;
                    default -> null;
                });
    }
}
