package org.telereg.platform.entity;

import java.util.List;

/**
 * One module's panel of the company page.
 *
 * @param order where the panel goes (lower first)
 * @param titleKey the message key of the panel's title
 * @param facts its rows
 * @param link where the module's own list of these records is, or {@code null}
 */
public record CompanyPanel(int order, String titleKey, List<Fact> facts, String link) {

    public CompanyPanel {
        facts = List.copyOf(facts);
    }

    /**
     * One row: a record's name or number, a detail line, a status and where to open it.
     *
     * @param text the record's name or number
     * @param detail a line of detail (dates, scope), or {@code null}
     * @param statusKey the message key of its status, or {@code null}
     * @param tone the status colour: {@code success}, {@code warning}, {@code danger} or {@code secondary}
     * @param link the record's page, or {@code null}
     */
    public record Fact(String text, String detail, String statusKey, String tone, String link) {}
}
