package org.telereg.platform.tariffs;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A dashboard query as the console and the API take it.
 *
 * @param month the month shown
 * @param provinceCode one province, or null
 * @param operatorCreditCode one operator (rows by province), or null
 */
public record DashboardQuery(YearMonth month, String provinceCode, String operatorCreditCode) {

    /**
     * Reads the parameters, naming each one at fault.
     *
     * @param month {@code 2026-10}; empty for {@code defaultMonth}
     * @param province a province code or name
     * @param operator a credit code or a name the company goes by (中国移动, China Mobile, CMCC)
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code month}, {@code province} or {@code operator}
     */
    public static DashboardQuery parse(
            String month, String province, String operator, YearMonth defaultMonth, CompanyAliases aliases) {
        FieldProblems problems = new FieldProblems();
        YearMonth shown = defaultMonth;
        if (month != null && !month.isBlank()) {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                problems.reject("month", "tariffs.invalid.month", "is not a month like 2026-10");
            }
        }
        String provinceCode = null;
        if (province != null && !province.isBlank()) {
            try {
                provinceCode = ProvinceCode.of(province).code();
            } catch (InvalidValueException e) {
                problems.reject("province", e.code(), e.getMessage(), e.arguments());
            }
        }
        String operatorCode = null;
        if (operator != null && !operator.isBlank()) {
            String text = operator.strip();
            operatorCode = text.matches("[0-9A-Z]{18}")
                    ? text
                    : aliases.creditCode(text).orElse(null);
            if (operatorCode == null) {
                problems.reject("operator", "tariffs.invalid.operator", "is not a known operator", text);
            }
        }
        problems.throwIfAny();
        return new DashboardQuery(shown, provinceCode, operatorCode);
    }
}
