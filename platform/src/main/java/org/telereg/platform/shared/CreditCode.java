package org.telereg.platform.shared;

import org.telereg.engine.identity.CreditCodeProblem;
import org.telereg.engine.identity.CreditCodes;

/** A unified social credit code (统一社会信用代码, GB 32100-2015) with a valid check character. */
public record CreditCode(String value) {

    public CreditCode {
        CreditCodeProblem problem = CreditCodes.problemOf(value);
        if (problem != null) {
            throw new InvalidValueException(
                    "invalid.creditCode." + problem.name(), "invalid credit code " + value + ": " + problem, value);
        }
        value = CreditCodes.normalize(value);
    }

    /** Parses a code typed by a person: surrounding blanks and lower case are accepted. */
    public static CreditCode of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("invalid.creditCode.EMPTY", "credit code is empty");
        }
        return new CreditCode(text);
    }

    /** The province of the registering authority (characters 3–4). */
    public String registrationProvinceCode() {
        return value.substring(2, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
