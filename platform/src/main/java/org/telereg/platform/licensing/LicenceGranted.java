package org.telereg.platform.licensing;

import java.time.LocalDate;
import java.util.List;

/** A licence was granted. */
public record LicenceGranted(
        String number, String holderCreditCode, String issuerCode, List<String> kinds, LocalDate validUntil) {}
