package org.telereg.engine.fraud;

import java.time.LocalDate;

/**
 * What the {@link CdrGenerator} writes.
 *
 * @param seed the random seed: the same settings give the same bytes
 * @param subscribers number of subscribers (rows of the users file)
 * @param days length of the window
 * @param start first day of the window
 * @param fraudShare share of subscribers of a fraud archetype, split evenly between them
 * @param lookalikeShare share of subscribers of a legitimate archetype other than {@link Archetype#ORDINARY},
 *     split evenly between them; the rest are ordinary
 * @param shift 0 for the documented archetypes; up to 1 moves each fraud archetype that far towards the
 *     legitimate archetype it resembles most, and each look-alike as far towards its fraud counterpart
 * @param anonymised whether numbers are written as hexadecimal tokens (as in the public contest data) instead of
 *     11-digit numbers
 * @param gzip whether the files are gzip-compressed (names end in {@code .csv.gz})
 */
public record GeneratorSettings(
        long seed,
        int subscribers,
        int days,
        LocalDate start,
        double fraudShare,
        double lookalikeShare,
        double shift,
        boolean anonymised,
        boolean gzip) {

    public GeneratorSettings {
        if (subscribers < 1) {
            throw new IllegalArgumentException("subscribers must be at least 1: " + subscribers);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        if (fraudShare < 0 || lookalikeShare < 0 || fraudShare + lookalikeShare > 1) {
            throw new IllegalArgumentException("shares must be non-negative and add up to at most 1");
        }
        if (shift < 0 || shift > 1) {
            throw new IllegalArgumentException("shift must lie in 0..1: " + shift);
        }
    }

    /**
     * {@code subscribers} over 30 days from 2020-03-01: 12% fraud, 30% look-alikes, the rest ordinary; 11-digit
     * numbers, plain CSV, no shift.
     */
    public static GeneratorSettings of(long seed, int subscribers) {
        return new GeneratorSettings(seed, subscribers, 30, LocalDate.of(2020, 3, 1), 0.12, 0.30, 0, false, false);
    }

    public GeneratorSettings withDays(int days) {
        return new GeneratorSettings(
                seed, subscribers, days, start, fraudShare, lookalikeShare, shift, anonymised, gzip);
    }

    public GeneratorSettings withShift(double shift) {
        return new GeneratorSettings(
                seed, subscribers, days, start, fraudShare, lookalikeShare, shift, anonymised, gzip);
    }

    public GeneratorSettings withShares(double fraudShare, double lookalikeShare) {
        return new GeneratorSettings(
                seed, subscribers, days, start, fraudShare, lookalikeShare, shift, anonymised, gzip);
    }

    public GeneratorSettings withAnonymised(boolean anonymised) {
        return new GeneratorSettings(
                seed, subscribers, days, start, fraudShare, lookalikeShare, shift, anonymised, gzip);
    }

    public GeneratorSettings withGzip(boolean gzip) {
        return new GeneratorSettings(
                seed, subscribers, days, start, fraudShare, lookalikeShare, shift, anonymised, gzip);
    }
}
