package org.telereg.platform.spam;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report handling rules ({@code telereg.spam.*}).
 *
 * @param handlingTime how long the responsible operator has to answer a report
 * @param duplicateWindow reports of the same party and content within this window count as one
 * @param carrierOperators which organisation (by code) answers for numbers of each carrier
 * @param reporterKey the key of the keyed hash of reporters' phone numbers; set your own in production
 * @param maxContentLength the longest message text accepted
 * @param reputationWindow how far back reports against the same number count towards its reputation
 * @param flagAfter reports within the window after which a number is passed to the anti-fraud module
 * @param maxEmlBytes the largest forwarded e-mail accepted
 * @param attachmentsDir where reporters' screenshots are kept
 * @param maxAttachmentBytes the largest screenshot accepted
 */
@ConfigurationProperties("telereg.spam")
record SpamSettings(
        @DefaultValue("72h") Duration handlingTime,
        @DefaultValue("24h") Duration duplicateWindow,
        Map<String, String> carrierOperators,
        @DefaultValue("telereg-development-key-change-me") String reporterKey,
        @DefaultValue("2000") int maxContentLength,
        @DefaultValue("30d") Duration reputationWindow,
        @DefaultValue("3") int flagAfter,
        @DefaultValue("5242880") int maxEmlBytes,
        @DefaultValue("./data/attachments") String attachmentsDir,
        @DefaultValue("2097152") int maxAttachmentBytes) {

    SpamSettings {
        if (carrierOperators == null || carrierOperators.isEmpty()) {
            carrierOperators = Map.of(
                    "CHINA_MOBILE", "OP-CMCC",
                    "CHINA_UNICOM", "OP-CUCC",
                    "CHINA_TELECOM", "OP-CTCC",
                    "CHINA_BROADNET", "OP-CBN");
        }
    }
}
