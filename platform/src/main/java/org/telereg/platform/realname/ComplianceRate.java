package org.telereg.platform.realname;

import java.math.BigDecimal;

/**
 * Store inspections of one operator or one province in a period.
 *
 * @param key the operator's credit code or the province code
 * @param name the operator's name or the province code again
 * @param planned inspections planned for a day in the period
 * @param done inspections visited in the period
 * @param compliant of those, the compliant ones
 * @param withFindings of those, the ones not compliant
 * @param terminated outlets terminated after a visit in the period
 * @param rate compliant as a percentage of done (two decimals), null when none was done
 */
public record ComplianceRate(
        String key,
        String name,
        long planned,
        long done,
        long compliant,
        long withFindings,
        long terminated,
        BigDecimal rate) {}
