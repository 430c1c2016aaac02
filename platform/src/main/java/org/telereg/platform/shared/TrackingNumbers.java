package org.telereg.platform.shared;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/**
 * Tracking numbers citizens are given for what they submit, e.g. {@code JB20261202-7KQ2XM}: a prefix,
 * the day, and six random characters without look-alikes (no 0/O, 1/I/L), so a number read out over
 * the phone is not mistaken and cannot be guessed from another.
 */
public final class TrackingNumbers {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {}

    /** A new number with the prefix and day that {@code taken} does not already know. */
    public static String next(String prefix, LocalDate day, Predicate<String> taken) {
        String stem = prefix + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        while (true) {
            StringBuilder code = new StringBuilder(stem);
            for (int i = 0; i < 6; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (!taken.test(code.toString())) {
                return code.toString();
            }
        }
    }
}
