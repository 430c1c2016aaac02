package org.telereg.engine.numbering;

/**
 * The outcome of looking up a telephone number.
 *
 * @param input the text as entered
 * @param national the national number, digits only, without country code; fixed-line numbers keep the trunk
 *     prefix 0 ({@code 13812345678}, {@code 01012345678}, {@code 075512345678}); null when the input has no
 *     digits or a bad character
 * @param kind mobile or fixed line, null when the number is neither
 * @param carrier the operator the mobile segment is allocated to; {@link Carrier#UNKNOWN} for fixed lines and
 *     when no table knows it
 * @param provinceCode two-digit GB/T 2260 code of the home province, null when unknown
 * @param region home region as written in the reference data, e.g. {@code 广东省深圳市} or {@code 北京市}; null
 *     when unknown
 * @param problem the first problem found, or null when the number is valid
 */
public record PhoneLookup(
        String input,
        String national,
        NumberKind kind,
        Carrier carrier,
        String provinceCode,
        String region,
        PhoneProblem problem) {

    /** Whether the number was accepted. */
    public boolean valid() {
        return problem == null;
    }
}
