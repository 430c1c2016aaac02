package org.telereg.engine.broadband;

/**
 * The busy hours of the day, local time: a test starting at or after {@code fromHour}:00 and before {@code
 * toHour}:00 is a busy-hour test. A window across midnight is written with {@code fromHour > toHour} (22 to 2).
 *
 * @param fromHour first busy hour, 0 to 23
 * @param toHour the hour the busy time ends, 1 to 24, not equal to {@code fromHour}
 */
public record BusyHours(int fromHour, int toHour) {

    public BusyHours {
        if (fromHour < 0 || fromHour > 23 || toHour < 1 || toHour > 24 || fromHour == toHour) {
            throw new IllegalArgumentException(
                    "busy hours must be from 0–23 to 1–24, not equal: " + fromHour + "–" + toHour);
        }
    }

    /** 20:00 to 23:00, the evening peak of Chinese fixed broadband. */
    public static BusyHours evening() {
        return new BusyHours(20, 23);
    }

    /** Whether a test starting in {@code hour} (0–23) is in the busy hours. */
    public boolean contains(int hour) {
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }
}
