package org.telereg.platform.broadband;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.telereg.engine.broadband.GroupBy;
import org.telereg.engine.broadband.Technology;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Which measurements to aggregate and how to group them.
 *
 * @param groupBy the dimensions and at most one period
 * @param from the first day tested (local date), or null for no lower bound
 * @param to the last day tested, inclusive, or null for no upper bound
 * @param technology only this access technology, or null for all
 * @param operator only this operator (as the files name it), or null for all
 * @param province only this two-digit province code, or null for all the scope covers
 */
public record SpeedQuery(
        Set<GroupBy> groupBy, LocalDate from, LocalDate to, Technology technology, String operator, String province) {

    public SpeedQuery {
        groupBy = groupBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groupBy));
    }

    /**
     * Reads a query as the API and the console's filter take it, naming each parameter at fault.
     *
     * @param by comma-separated dimensions: {@code province}, {@code city}, {@code operator}, {@code technology}
     * @param period {@code day}, {@code month}, {@code quarter}, {@code year} or empty for none
     * @throws RejectedInputException naming {@code by}, {@code period}, {@code from}, {@code to},
     *     {@code technology}, {@code operator} or {@code province}
     */
    public static SpeedQuery parse(
            String by, String period, String from, String to, String technology, String operator, String province) {
        FieldProblems problems = new FieldProblems();
        Set<GroupBy> groupBy = EnumSet.noneOf(GroupBy.class);
        if (by != null && !by.isBlank()) {
            for (String part : by.split(",", -1)) {
                String name = part.strip().toUpperCase(Locale.ROOT);
                GroupBy dimension = switch (name) {
                    case "PROVINCE", "CITY", "OPERATOR", "TECHNOLOGY" -> GroupBy.valueOf(name);
                    default -> null;
                };
                if (dimension == null) {
                    problems.reject(
                            "by",
                            "broadband.query.badDimension",
                            "is not one of province, city, operator, technology",
                            part.strip());
                } else {
                    groupBy.add(dimension);
                }
            }
        }
        if (period != null && !period.isBlank()) {
            String name = period.strip().toUpperCase(Locale.ROOT);
            switch (name) {
                case "DAY", "MONTH", "QUARTER", "YEAR" -> groupBy.add(GroupBy.valueOf(name));
                default ->
                    problems.reject(
                            "period",
                            "broadband.query.badPeriod",
                            "is not one of day, month, quarter, year",
                            period.strip());
            }
        }
        LocalDate fromDate = problems.date("from", from, false);
        LocalDate toDate = problems.date("to", to, false);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.reject("to", "broadband.query.toBeforeFrom", "is before from");
        }
        Technology tech = null;
        if (technology != null && !technology.isBlank()) {
            tech = Technology.parse(technology.strip()).orElse(null);
            if (tech == null) {
                problems.reject("technology", "broadband.invalid.technology", "is not a known access technology");
            }
        }
        String operatorName = problems.optionalText("operator", operator, 200);
        String provinceCode = null;
        if (province != null && !province.isBlank()) {
            try {
                provinceCode = ProvinceCode.of(province).code();
            } catch (InvalidValueException e) {
                problems.reject("province", e.code(), e.getMessage(), e.arguments());
            }
        }
        problems.throwIfAny();
        return new SpeedQuery(groupBy, fromDate, toDate, tech, operatorName, provinceCode);
    }
}
