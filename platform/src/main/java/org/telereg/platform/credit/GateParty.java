package org.telereg.platform.credit;

import java.util.Objects;

/**
 * Someone the compliance gate checks: the applying company, one of its main investors or one of its
 * main managers. A company is known by its credit code, a person by the keyed hash of the ID number
 * ({@link PersonKeys}); the display name is what a regulator may see (masked for a person).
 */
public record GateParty(Role role, String creditCode, String personKey, String displayName) {

    public enum Role {
        COMPANY,
        INVESTOR,
        MANAGER
    }

    public GateParty {
        Objects.requireNonNull(role, "role");
        if ((creditCode == null) == (personKey == null)) {
            throw new IllegalArgumentException("a party is a company or a person");
        }
    }

    public static GateParty company(Role role, String creditCode, String name) {
        return new GateParty(role, creditCode, null, name);
    }

    public static GateParty person(Role role, String personKey, String maskedName) {
        return new GateParty(role, null, personKey, maskedName);
    }
}
