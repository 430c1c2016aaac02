package org.telereg.engine.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What screening concluded about a message, and why.
 *
 * @param category normal, ad or fraud
 * @param score the model's probability, 0 to 1, that the message belongs to {@code category}
 * @param groups the keyword groups the message matched, heaviest first
 * @param entities the contact points found in the sender and the text
 * @param features up to three n-grams of the normalised text (digits shown as {@code 0}) that pushed hardest
 *     towards {@code category}
 */
public record SmsVerdict(
        SmsCategory category, double score, List<KeywordGroup> groups, Entities entities, List<String> features) {

    public SmsVerdict {
        groups = List.copyOf(groups);
        features = List.copyOf(features);
    }

    /**
     * The reasons on one line, separated by {@code "; "}: {@code group:<id>}, {@code url:}, {@code phone:},
     * {@code qq:}, {@code wechat:}, {@code port:} and {@code ngram:} items, in that order. Contains no tab or
     * line break.
     */
    public String reasons() {
        List<String> items = new ArrayList<>();
        groups.forEach(g -> items.add("group:" + g.id()));
        entities.urls().forEach(u -> items.add("url:" + u));
        entities.phones().forEach(p -> items.add("phone:" + p));
        entities.qqNumbers().forEach(q -> items.add("qq:" + q));
        entities.wechatIds().forEach(w -> items.add("wechat:" + w));
        entities.senderPorts().forEach(p -> items.add("port:" + p));
        features.forEach(f -> items.add("ngram:" + f));
        // Each item is cleaned before joining, so the "; " separators survive and no item can fake one.
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            if (!line.isEmpty()) {
                line.append("; ");
            }
            line.append(clean(item));
        }
        return line.toString();
    }

    /** The item with tabs, line breaks and semicolons made spaces, stripped: it cannot break the line or a field. */
    private static String clean(String item) {
        char[] chars = null;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == ';') {
                if (chars == null) {
                    chars = item.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return (chars == null ? item : new String(chars)).strip();
    }

    /** The score with three decimals, as written in verdict files. */
    public String formattedScore() {
        return String.format(Locale.ROOT, "%.3f", score);
    }
}
