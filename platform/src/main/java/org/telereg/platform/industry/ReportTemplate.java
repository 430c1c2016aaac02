package org.telereg.platform.industry;

import java.util.List;
import java.util.Locale;

/**
 * A report form: the metrics an operator reports, in order, and how often.
 *
 * @param version the catalogue version its metrics come from
 * @param metricCodes entered and derived metrics, in the order the form shows them
 */
public record ReportTemplate(
        String code, String version, String nameZh, String nameEn, Frequency frequency, List<String> metricCodes) {

    public String name(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? nameEn : nameZh;
    }
}
