package org.telereg.platform.credit;

import java.util.ArrayList;
import java.util.List;

/**
 * What the compliance gate checks before a grant: the company and its main investors and managers.
 *
 * @param creditCode the company's unified social credit code
 * @param companyName its name
 * @param parties its main investors and managers
 */
public record GateSubject(String creditCode, String companyName, List<GateParty> parties) {

    public GateSubject {
        parties = List.copyOf(parties);
    }

    /** The company itself followed by its investors and managers. */
    public List<GateParty> everyone() {
        List<GateParty> all = new ArrayList<>();
        all.add(GateParty.company(GateParty.Role.COMPANY, creditCode, companyName));
        all.addAll(parties);
        return all;
    }
}
