package org.telereg.platform.credit;

import java.time.LocalDate;

/** A rectification order (整改通知) an administration issued to a company. */
public record RectificationView(
        long id,
        String creditCode,
        String companyName,
        String authorityCode,
        String authorityName,
        String reason,
        LocalDate issuedOn,
        LocalDate deadline,
        boolean open,
        LocalDate closedOn,
        String closingNote) {

    public boolean overdue(LocalDate today) {
        return open && today.isAfter(deadline);
    }
}
