package org.telereg.platform.appeals;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telereg.platform.shared.InvalidValueException;

/** A calendar quarter, written {@code 2026-Q3}: the period of the published appeal statistics. */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

    public Quarter {
        if (number < 1 || number > 4 || year < 2000 || year > 2100) {
            throw new IllegalArgumentException("no quarter " + year + "-Q" + number);
        }
    }

    /**
     * @throws InvalidValueException when the text is not like {@code 2026-Q3}
     */
    public static Quarter parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidValueException("appeals.invalid.quarter", "not a quarter like 2026-Q3", text);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** The first day of the next quarter. */
    public LocalDate endExclusive() {
        return firstDay().plusMonths(3);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + number, other.year * 4 + other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
