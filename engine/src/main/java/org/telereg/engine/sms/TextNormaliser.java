package org.telereg.engine.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds SMS text into the form keyword matching and classification see, undoing the tricks spammers use to slip
 * past filters.
 *
 * <ul>
 *   <li>full-width letters, digits and punctuation become half-width ({@code ＶＸ１２３} → {@code vx123});
 *   <li>common traditional characters become simplified ({@code 轉帳} → {@code 转账}), from the table {@code
 *       traditional-simplified.txt} shipped next to this class;
 *   <li>letters are lower-cased;
 *   <li>digits written as Chinese numerals ({@code 零〇一二…九}, {@code 壹贰叁…玖}, {@code 幺}) or as circled,
 *       parenthesised and dotted digits ({@code ①}, {@code ⑴}, {@code ⒈}, {@code ❶}) become ASCII digits, and
 *       circled letters ({@code Ⓥ}) become ASCII letters;
 *   <li>zero-width characters, variation selectors and combining marks are removed;
 *   <li>runs of spaces, punctuation, symbols and emoji are removed where they split a word: next to a CJK
 *       character ({@code 加 微 信} → {@code 加微信}) or between two single letters or digits ({@code v❤x} →
 *       {@code vx}, {@code 1 3 8} → {@code 138}); elsewhere they become one space ({@code free entry}).
 * </ul>
 *
 * <p>Every character maps to at most one character, so the result is never longer than the input. Instances are
 * immutable and thread-safe.
 */
public final class TextNormaliser {

    private static final char DROP = 0;
    private static final char SEPARATOR = 1;
    // Everything from CJK radicals upwards that is a letter counts as CJK here: kana, hangul and Han alike.
    private static final char FIRST_CJK = 0x2E80;
    private static final String CHINESE_DIGITS = "零〇一二三四五六七八九";
    private static final String CHINESE_DIGIT_VALUES = "00123456789";
    private static final String FINANCIAL_DIGITS = "壹贰叁肆伍陆柒捌玖幺";
    private static final String FINANCIAL_DIGIT_VALUES = "1234567891";

    private static final TextNormaliser STANDARD = new TextNormaliser(buildTable());

    private final char[] map;

    private TextNormaliser(char[] map) {
        this.map = map;
    }

    /** The normaliser with the shipped traditional → simplified table. */
    public static TextNormaliser standard() {
        return STANDARD;
    }

    /** The normalised form of {@code text}. */
    public String normalise(CharSequence text) {
        char[] out = new char[text.length()];
        return new String(out, 0, normalise(text, out));
    }

    /**
     * Writes the normalised form of {@code text} into {@code out} and returns its length; the hot-path variant
     * that allocates nothing.
     *
     * @param out at least {@code text.length()} long
     */
    public int normalise(CharSequence text, char[] out) {
        final int length = text.length();
        // The text is copied into out and normalised in place: the output never runs ahead of the input, and
        // String.getChars is one bulk copy where charAt would test the string's coding on every character.
        if (text instanceof String string) {
            string.getChars(0, length, out, 0);
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = text.charAt(i);
            }
        }
        return normaliseInPlace(out, length);
    }

    /** Normalises {@code text[0, length)} where it stands and returns the normalised length. */
    int normaliseInPlace(char[] text, int length) {
        final char[] table = map;
        int n = 0;
        boolean separated = false;
        // Letters and digits since the last separator or CJK character of the input: the length of the word
        // as written, so that "1 3 8 0" keeps merging once "1 3" has merged.
        int wordLength = 0;
        for (int i = 0; i < length; i++) {
            char c = table[text[i]];
            if (c <= SEPARATOR) {
                separated |= c == SEPARATOR;
                continue;
            }
            if (c >= FIRST_CJK) {
                separated = false;
                wordLength = 0;
                text[n++] = c;
                continue;
            }
            if (separated) {
                separated = false;
                if (wordLength > 1 || (wordLength == 1 && !singleCharacterWordAt(text, i + 1, length))) {
                    text[n++] = ' ';
                }
                wordLength = 0;
            }
            text[n++] = c;
            wordLength++;
        }
        return n;
    }

    /** Whether the word that starts just before {@code from} ends there, i.e. is one character long. */
    private boolean singleCharacterWordAt(char[] text, int from, int length) {
        for (int i = from; i < length; i++) {
            char c = map[text[i]];
            if (c != DROP) {
                return c == SEPARATOR || c >= FIRST_CJK;
            }
        }
        return true;
    }

    /** The single-character mapping, exposed to the entity scanner and tests; separators map to a space. */
    char fold(char c) {
        char m = map[c];
        return m == DROP ? 0 : m == SEPARATOR ? ' ' : m;
    }

    private static char[] buildTable() {
        char[] simplified = new char[65536];
        readTraditionalSimplified(simplified);
        char[] table = new char[65536];
        for (int i = 0; i < 65536; i++) {
            char c = (char) i;
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = (char) (c - 0xFEE0);
            }
            if (simplified[c] != 0) {
                c = simplified[c];
            }
            table[i] = classify(Character.toLowerCase(c));
        }
        for (int d = 0; d < CHINESE_DIGITS.length(); d++) {
            table[CHINESE_DIGITS.charAt(d)] = CHINESE_DIGIT_VALUES.charAt(d);
        }
        for (int d = 0; d < FINANCIAL_DIGITS.length(); d++) {
            char digit = FINANCIAL_DIGIT_VALUES.charAt(d);
            table[FINANCIAL_DIGITS.charAt(d)] = digit;
        }
        for (int i = 0; i < 65536; i++) {
            char s = simplified[i];
            if (s != 0 && table[s] >= '0' && table[s] <= '9') {
                table[i] = table[s];
            }
        }
        table[0x24EA] = '0';
        for (int d = 0; d < 9; d++) {
            char digit = (char) ('1' + d);
            table[0x2460 + d] = digit; // ①
            table[0x2474 + d] = digit; // ⑴
            table[0x2488 + d] = digit; // ⒈
            table[0x24F5 + d] = digit; // ⓵
            table[0x2776 + d] = digit; // ❶
            table[0x2780 + d] = digit; // ➀
            table[0x278A + d] = digit; // ➊
        }
        for (int l = 0; l < 26; l++) {
            char letter = (char) ('a' + l);
            table[0x24B6 + l] = letter; // Ⓐ
            table[0x24D0 + l] = letter; // ⓐ
            table[0x249C + l] = letter; // ⒜
        }
        return table;
    }

    private static char classify(char c) {
        int type = Character.getType(c);
        if (type == Character.FORMAT
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || c == 0x180E) {
            return DROP;
        }
        if (Character.isLetterOrDigit(c) && !Character.isSurrogate(c) && c > SEPARATOR) {
            if (Character.isDigit(c) && c > '9') {
                return (char) ('0' + Character.digit(c, 10));
            }
            return c;
        }
        return SEPARATOR;
    }

    private static void readTraditionalSimplified(char[] simplified) {
        String name = "traditional-simplified.txt";
        InputStream in = TextNormaliser.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the engine jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String pair : line.trim().split(" +")) {
                    if (pair.length() == 2) {
                        simplified[pair.charAt(0)] = pair.charAt(1);
                    } else if (!pair.isEmpty()) {
                        throw new IllegalStateException(name + ": not a character pair: " + pair);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
