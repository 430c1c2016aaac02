package org.telereg.platform.broadband;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.telereg.engine.broadband.Technology;

/**
 * Fixed or mobile access: which measured technologies count towards which declared figure. The one
 * place the mapping is written; the comparison's SQL is built from it.
 */
public enum AccessClass {
    /** Fibre (FTTH), VDSL, DSL and cable, declared as {@code FIXED_DOWNLOAD_MBPS}. */
    FIXED("FIXED_DOWNLOAD_MBPS", EnumSet.of(Technology.FIBRE, Technology.VDSL, Technology.DSL, Technology.CABLE)),
    /** 4G and 5G, declared as {@code MOBILE_DOWNLOAD_MBPS}. */
    MOBILE("MOBILE_DOWNLOAD_MBPS", EnumSet.of(Technology.MOBILE_4G, Technology.MOBILE_5G));

    private final String metricCode;
    private final Set<Technology> technologies;

    AccessClass(String metricCode, Set<Technology> technologies) {
        this.metricCode = metricCode;
        this.technologies = technologies;
    }

    /** The industry catalogue's metric an operator declares this class's mean download in. */
    public String metricCode() {
        return metricCode;
    }

    public Set<Technology> technologies() {
        return technologies;
    }

    /** {@code 'FIBRE', 'VDSL', …}: the stored technology names, for an SQL {@code in (…)} list. */
    String sqlList() {
        return technologies.stream().map(t -> "'" + t.name() + "'").sorted().collect(Collectors.joining(", "));
    }

    /** An SQL {@code case} mapping the technology column to the class name, null for unknown technologies. */
    static String sqlCase(String technologyColumn) {
        StringBuilder sql = new StringBuilder("case");
        for (AccessClass access : values()) {
            sql.append(" when ")
                    .append(technologyColumn)
                    .append(" in (")
                    .append(access.sqlList())
                    .append(") then '")
                    .append(access.name())
                    .append("'");
        }
        return sql.append(" end").toString();
    }
}
