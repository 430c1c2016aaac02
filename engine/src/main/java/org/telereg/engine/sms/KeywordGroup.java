package org.telereg.engine.sms;

import java.util.List;

/**
 * A weighted rule of the keyword list: it matches a message when every one of its terms does, and a term
 * matches when any one of its alternative keywords occurs in the normalised text. In the list file a group is
 * written {@code 公安|警官 & 安全账户|资金清查}: terms separated by {@code &}, alternatives by {@code |}.
 *
 * @param id unique name, used as the reason in verdicts
 * @param category what a message matching the group tends to be
 * @param subtype finer label within the category, e.g. {@code impersonate_authority}; may be empty
 * @param weight added to the log-odds of {@code category} when the group matches; 2.0 multiplies the odds by
 *     about 7.4
 * @param terms the terms, each a non-empty list of alternative keywords, at most 31 terms
 */
public record KeywordGroup(String id, SmsCategory category, String subtype, double weight, List<List<String>> terms) {

    public KeywordGroup {
        if (id == null || id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A keyword group needs an id without spaces: " + id);
        }
        if (terms.isEmpty() || terms.size() > 31) {
            throw new IllegalArgumentException("Group " + id + " needs 1 to 31 terms, has " + terms.size());
        }
        terms = terms.stream().map(List::copyOf).toList();
        for (List<String> term : terms) {
            if (term.isEmpty() || term.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("Group " + id + " has an empty term or keyword");
            }
        }
    }
}
