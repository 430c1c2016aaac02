package org.telereg.platform.appeals;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appeal handling settings ({@code telereg.appeals.*}).
 *
 * @param operatorResponseWorkingDays working days the respondent operator has to respond to an accepted appeal
 * @param rateThreshold accepted appeals per million users in a quarter above which an operator gets a credit record
 * @param attachmentsDir where evidence files are kept
 * @param maxAttachments the most files one appeal may carry
 * @param maxAttachmentBytes the largest file accepted
 */
@ConfigurationProperties("telereg.appeals")
record AppealSettings(
        @DefaultValue("10") int operatorResponseWorkingDays,
        @DefaultValue("5.0") BigDecimal rateThreshold,
        @DefaultValue("./data/appeals") String attachmentsDir,
        @DefaultValue("5") int maxAttachments,
        @DefaultValue("5242880") int maxAttachmentBytes) {}
