package org.telereg.platform.netsec;

import java.time.LocalDate;

/**
 * A store takedown order.
 *
 * @param stores the stores ordered to take the App down, separated by {@code 、}
 * @param confirmedOn the day the stores confirmed it was taken down, or {@code null}
 * @param liftedOn the day a passing re-check lifted it, or {@code null}
 */
public record TakedownView(
        long id, String stores, TakedownStatus status, LocalDate issuedOn, LocalDate confirmedOn, LocalDate liftedOn) {

    /** Whether the App is still (to be) off the stores. */
    public boolean inForce() {
        return status != TakedownStatus.LIFTED;
    }
}
