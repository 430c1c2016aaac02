package org.telereg.engine.fraud;

/**
 * The limits that turn call records into features. They are part of a model (a model is trained on features
 * computed with its own settings), so they are read from the model file rather than fixed in code.
 *
 * @param shortCallSeconds a connected call shorter than this counts as short
 * @param nightStartHour first hour of the night, 0–23
 * @param nightEndHour hour the night ends (exclusive), 0–24; less than the start for a night across midnight
 * @param sequentialStep largest numeric distance between two callees that counts as dialling in sequence
 * @param lateDays length of the late window at the end of the input, in days
 */
public record FeatureSettings(
        int shortCallSeconds, int nightStartHour, int nightEndHour, long sequentialStep, int lateDays) {

    public FeatureSettings {
        if (shortCallSeconds < 1) {
            throw new IllegalArgumentException("short-call limit must be at least 1 second: " + shortCallSeconds);
        }
        if (nightStartHour < 0 || nightStartHour > 23 || nightEndHour < 0 || nightEndHour > 24) {
            throw new IllegalArgumentException("night hours must lie in 0..24: " + nightStartHour + "–" + nightEndHour);
        }
        if (sequentialStep < 1) {
            throw new IllegalArgumentException("sequential step must be at least 1: " + sequentialStep);
        }
        if (lateDays < 1) {
            throw new IllegalArgumentException("late window must be at least 1 day: " + lateDays);
        }
    }

    /** Whether a call starting in this hour of the day (0–23) is a night call. */
    boolean isNight(int hourOfDay) {
        return nightStartHour <= nightEndHour
                ? hourOfDay >= nightStartHour && hourOfDay < nightEndHour
                : hourOfDay >= nightStartHour || hourOfDay < nightEndHour;
    }
}
