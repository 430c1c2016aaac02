package org.telereg.platform.numbering;

import java.util.List;

/**
 * What the SMS gateway sends back to the user.
 *
 * @param command {@code CXXZ}, {@code SQXZ}, or null when the text was not a command
 * @param outcome what happened
 * @param reasons the codes of every rule the number fails, when it is not eligible
 * @param text the reply, in the user's language (Chinese unless asked otherwise)
 */
public record SmsReply(String command, Outcome outcome, List<Ineligibility> reasons, String text) {

    public SmsReply {
        reasons = List.copyOf(reasons);
    }

    /** What an SMS command came to. */
    public enum Outcome {
        /** Not {@code CXXZ#姓名#证件号码} or {@code SQXZ#姓名#证件号码}. */
        MALFORMED,
        /** The name and document are not those the number is registered under. */
        HOLDER_MISMATCH,
        /** CXXZ: the number may port. */
        ELIGIBLE,
        /** The number may not port; the reasons say why. */
        INELIGIBLE,
        /** SQXZ: an authorisation code is in the reply. */
        CODE_ISSUED
    }
}
