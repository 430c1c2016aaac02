package org.telereg.platform.credit;

import java.time.LocalDate;
import java.util.List;

/**
 * A check another module registers with the compliance gate by declaring a bean of this type: it
 * looks at its own records of the company, its investors and its managers and reports what stands
 * against a grant. The credit module's own lists are checked without registration.
 */
public interface ComplianceCheck {

    /** The findings on the subject as of {@code today}; empty when the module has nothing against it. */
    List<ComplianceHit> check(GateSubject subject, LocalDate today);
}
