package org.telereg.platform.antifraud;

import java.time.Instant;

/**
 * One change of the blocklist.
 *
 * @param seq the cursor: ask for changes after the last one you applied
 * @param number the number to block or unblock
 * @param action {@code ADD} or {@code REMOVE}
 * @param changedAt when the regulator's decision took effect
 */
public record BlocklistChange(long seq, String number, String action, Instant changedAt) {}
