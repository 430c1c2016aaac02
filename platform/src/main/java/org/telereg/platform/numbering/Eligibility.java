package org.telereg.platform.numbering;

import java.util.List;

/**
 * The answer to "may this number port?": eligible when no reason applies.
 *
 * @param carrier the number's carrier now, the donor of a port
 * @param reasons every rule the number fails, in the order of the rules
 */
public record Eligibility(CarrierAnswer carrier, List<Ineligibility> reasons) {

    public Eligibility {
        reasons = List.copyOf(reasons);
    }

    public boolean eligible() {
        return reasons.isEmpty();
    }
}
