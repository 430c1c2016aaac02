package org.telereg.platform.universal;

/**
 * An operator's progress report on a village.
 *
 * @param status UNDER_CONSTRUCTION or BUILT
 * @param percent 0–99 under construction; BUILT is 100
 * @param on the day the progress was reached, {@code yyyy-MM-dd}
 */
public record ProgressForm(String status, String percent, String on, String note) {}
