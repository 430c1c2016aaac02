package org.telereg.engine.sms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@link Entities} of a message with regular expressions over its digit-folded surface form. */
final class EntityScanner {

    private static final String URL_CHARS = "[\\w\\-./?%&=#~+:@!$,;*]";
    private static final String TOP_LEVEL_DOMAINS = "cn|com|net|org|cc|top|xyz|vip|info|me|io|co|tk|ly|gov|edu|biz"
            + "|club|site|online|shop|ink|wang|ren|link|hk|tw|us|uk|so|la|tv|im|app|fun|icu|pw|asia|mobi|live|work";
    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)" + URL_CHARS + "+"
            // A bare domain must not continue a word, an e-mail address or a longer name.
            + "|(?<![\\w.@-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:" + TOP_LEVEL_DOMAINS + ")"
            + "(?![a-z0-9-])(?::\\d{1,5})?(?:/" + URL_CHARS + "*)?");
    // One pattern for the three kinds of phone number, so that the text is scanned once and numbers come out in
    // the order they appear: group 1 mobile, group 2 400/800, group 3 fixed line.
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:(?:\\+?86[-\\s]?)?(1[3-9]\\d(?:[-\\s]?\\d){8})"
            + "|([48]00(?:[-\\s]?\\d){7})|(0[1-9]\\d{1,2}[-\\s]?[1-9]\\d{6,7}))(?!\\d)");
    private static final Pattern QQ =
            Pattern.compile("(?i)(?:qq|扣扣|企鹅|q号|q群)[号群]?(?:号码)?\\s*[:：是为]?\\s*([1-9]\\d{4,11})(?!\\d)");
    private static final Pattern WECHAT =
            Pattern.compile("(?i)(?:微信|薇信|威信|徽信|v信|weixin|wechat|(?<![a-z])vx|(?<![a-z])wx|加v|\\+v)号?\\s*[:：是为]?\\s*"
                    + "([a-z][-_a-z0-9]{5,19}|1[3-9]\\d{9})(?![-_a-z0-9])");
    private static final Pattern PORT = Pattern.compile("(?<!\\d)(106\\d{5,17})(?!\\d)");

    private static final String[] QQ_CUES = {"qq", "扣扣", "企鹅", "q号", "q群"};
    private static final String[] WECHAT_CUES = {
        "微信", "薇信", "威信", "徽信", "v信", "weixin", "wechat", "vx", "wx", "加v", "+v"
    };

    private EntityScanner() {}

    private static boolean containsAny(String text, String[] cues) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= '0' && c <= '9' ? 1 : 0;
        }
        return n;
    }

    static Entities scan(CharSequence text) {
        String surface = surface(text);
        if (!hasDigitOrDot(surface)) {
            return Entities.NONE;
        }
        // Regular expressions cost tens of nanoseconds per position; each runs only when a cheap test says it can
        // match at all.
        String lower = surface.toLowerCase(Locale.ROOT);
        List<String> urls = surface.indexOf('.') >= 0 ? urls(surface) : List.of();
        Set<String> phones = new LinkedHashSet<>();
        if (digitCount(surface) >= 7) {
            Matcher m = PHONE.matcher(surface);
            while (m.find()) {
                String number = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                phones.add(digits(number));
            }
        }
        return new Entities(
                urls,
                new ArrayList<>(phones),
                containsAny(lower, QQ_CUES) ? groups(QQ, surface) : List.of(),
                containsAny(lower, WECHAT_CUES) ? groups(WECHAT, surface) : List.of(),
                surface.contains("106") ? groups(PORT, surface) : List.of());
    }

    /**
     * The text with full-width forms made half-width, Chinese numerals and circled digits made ASCII digits and
     * zero-width characters removed; everything else, case included, as written.
     */
    static String surface(CharSequence text) {
        TextNormaliser normaliser = TextNormaliser.standard();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = normaliser.fold(c);
            if (folded == 0) {
                continue;
            }
            if (folded >= '0' && folded <= '9') {
                out.append(folded);
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                out.append((char) (c - 0xFEE0));
            } else if (c == 0x3000) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasDigitOrDot(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '.') {
                return true;
            }
        }
        return false;
    }

    private static List<String> urls(String surface) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(surface);
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            found.add(url.substring(0, end));
        }
        return new ArrayList<>(found);
    }

    private static List<String> groups(Pattern pattern, String surface) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(surface);
        while (m.find()) {
            found.add(m.group(1));
        }
        return new ArrayList<>(found);
    }

    private static String digits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
