package org.telereg.platform.netsec;

import java.util.List;

/**
 * A new assurance plan as the form gives it.
 *
 * @param provinces province codes or names
 * @param units the organisation codes of the units involved ({@code OP-CMCC})
 */
public record NewAssurancePlan(
        String name, String startsOn, String endsOn, String level, List<String> provinces, List<String> units) {}
