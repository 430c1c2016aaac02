package org.telereg.platform.licensing;

import org.telereg.platform.credit.GateResult;

/** The compliance gate found something that blocks a grant, renewal or change; the findings are kept. */
public class GrantBlockedException extends RuntimeException {

    private final transient GateResult result;

    public GrantBlockedException(String record, GateResult result) {
        super(record + ": the compliance gate blocks it (" + result.hits().size() + " findings)");
        this.result = result;
    }

    public GateResult result() {
        return result;
    }
}
