package org.telereg.platform.tariffs;

import java.time.YearMonth;
import java.util.List;

/**
 * The "speed up, fee down" dashboard for one month: one row per operator, or one per province when
 * an operator is chosen.
 *
 * @param provinceCode the province asked for, or null
 * @param operatorCreditCode the operator asked for (rows by province), or null (rows by operator)
 * @param target the month's year's target, or null when the ministry set none
 */
public record Dashboard(
        YearMonth month, String provinceCode, String operatorCreditCode, Target target, List<DashboardRow> rows) {}
