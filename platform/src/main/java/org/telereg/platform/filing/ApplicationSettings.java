package org.telereg.platform.filing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of filing applications ({@code telereg.filing.*}); docs/filing.md explains each rule.
 *
 * @param smsWindow how long the sponsor has to confirm the SMS code before the application stops
 * @param smsAttempts how many wrong codes stop the application, as an expired code does
 * @param reviewWorkingDays working days the provincial administration has to decide
 * @param attachmentsDir where the access providers' check photos are kept, by content hash
 * @param maxPhotoBytes the largest check photo accepted
 * @param changeDays days after the facts changed within which a change must be filed; a later change
 *     application is accepted but marked late (逾期变更)
 * @param personKey the key of the keyed hashes of certificate, ID numbers and SMS codes; set your
 *     own in production
 */
@ConfigurationProperties("telereg.filing")
public record ApplicationSettings(
        @DefaultValue("24h") Duration smsWindow,
        @DefaultValue("5") int smsAttempts,
        @DefaultValue("20") int reviewWorkingDays,
        @DefaultValue("data/filing") String attachmentsDir,
        @DefaultValue("5242880") long maxPhotoBytes,
        @DefaultValue("30") int changeDays,
        @DefaultValue("telereg-demo-filing-key-change-me") String personKey) {}
