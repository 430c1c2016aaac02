package org.telereg.platform.broadband;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of declared-vs-measured reconciliation and its challenges
 * ({@code telereg.broadband.challenges.*}).
 *
 * @param margin how far a declared mean download may exceed the measured one before it is a mismatch
 *     (0.15: declared more than 115 % of measured); exactly at the margin is no mismatch
 * @param minTests tests an operator needs in a province and month before its measured mean counts
 * @param coverageMinTests tests an operator needs in a county before its declared coverage is checked
 * @param min5gShare the share of mobile tests on 5G below which a declared-5G county is a mismatch
 * @param ftthFloorMbps the download a fibre line should reach; a declared-FTTH county whose fixed tests
 *     are mostly slower is a mismatch
 * @param maxSlowShare the share of fixed tests under the floor above which a declared-FTTH county is a
 *     mismatch (0.5: "mostly")
 * @param answerDays days the operator has to concede or rebut before the challenge is overdue
 * @param workingDays whether {@code answerDays} counts working days (the calendar module's, less
 *     holidays) rather than calendar days
 * @param reconcileMonths how many complete months before today the daily job and "reconcile now" look at
 * @param attachmentsDir where rebuttal evidence is kept
 * @param maxAttachments evidence files per rebuttal
 * @param maxAttachmentBytes the largest evidence file
 */
@ConfigurationProperties("telereg.broadband.challenges")
record ChallengeSettings(
        @DefaultValue("0.15") BigDecimal margin,
        @DefaultValue("30") int minTests,
        @DefaultValue("30") int coverageMinTests,
        @DefaultValue("0.5") double min5gShare,
        @DefaultValue("100") double ftthFloorMbps,
        @DefaultValue("0.5") double maxSlowShare,
        @DefaultValue("15") int answerDays,
        @DefaultValue("false") boolean workingDays,
        @DefaultValue("3") int reconcileMonths,
        @DefaultValue("./data/broadband-evidence") String attachmentsDir,
        @DefaultValue("5") int maxAttachments,
        @DefaultValue("10485760") long maxAttachmentBytes) {}
