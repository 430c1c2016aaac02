package org.telereg.platform.insight;

import java.util.List;

/**
 * One module's panel of the number page.
 *
 * @param order where the panel goes (lower first)
 * @param titleKey the message key of the panel's title
 * @param facts its rows
 * @param link where the module's own page for this number is, or {@code null}
 */
public record NumberPanel(int order, String titleKey, List<Fact> facts, String link) {

    public NumberPanel {
        facts = List.copyOf(facts);
    }

    /**
     * One row: a label, its value, a status and where to open the record behind it.
     *
     * @param labelKey the message key of what the row is (block holder, current carrier, …)
     * @param text the value, already masked where it is personal
     * @param statusKey the message key of a status, or {@code null}
     * @param tone the status colour: {@code success}, {@code warning}, {@code danger} or {@code secondary}
     * @param link the record's page, or {@code null}
     */
    public record Fact(String labelKey, String text, String statusKey, String tone, String link) {}
}
