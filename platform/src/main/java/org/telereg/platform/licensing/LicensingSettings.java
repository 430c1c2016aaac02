package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Licensing rules that change by decree or that sources state differently.
 *
 * @param decisionDaysValueAdded days from acceptance to decide a value-added application
 * @param decisionDaysBasic days from acceptance to decide a basic application
 * @param correctionWorkingDays working days after receipt within which an incomplete application gets
 *     its one correction notice (行政许可法: deadlines in working days)
 * @param capitalValueAddedProvince minimum registered capital, value-added within one province (yuan)
 * @param capitalValueAddedNational the same across provinces
 * @param capitalBasicProvince minimum registered capital, basic services within one province
 * @param capitalBasicNational the same across provinces
 * @param basicStateSharePercent the least state share for basic services
 * @param renewalWindowDays renewal opens this many days before expiry
 * @param reportingCloses last day of the annual-report window (1 January to this day)
 * @param correctionCloses last day of the correction window that follows
 * @param listingDay the day holders still missing are put on the bad-operator list
 * @param reportReminders days (as {@code --MM-dd}) on which holders without a report are reminded
 * @param maxAttachments attachments per application
 * @param maxAttachmentSize size of one attachment
 * @param attachmentsDir where attachments are kept, by content hash
 */
@ConfigurationProperties("telereg.licensing")
public record LicensingSettings(
        @DefaultValue("60") int decisionDaysValueAdded,
        @DefaultValue("180") int decisionDaysBasic,
        @DefaultValue("5") int correctionWorkingDays,
        @DefaultValue("1000000") BigDecimal capitalValueAddedProvince,
        @DefaultValue("10000000") BigDecimal capitalValueAddedNational,
        @DefaultValue("100000000") BigDecimal capitalBasicProvince,
        @DefaultValue("1000000000") BigDecimal capitalBasicNational,
        @DefaultValue("51") BigDecimal basicStateSharePercent,
        @DefaultValue("90") int renewalWindowDays,
        @DefaultValue("--03-31") MonthDay reportingCloses,
        @DefaultValue("--04-30") MonthDay correctionCloses,
        @DefaultValue("--05-01") MonthDay listingDay,
        @DefaultValue({"--03-01", "--03-25"}) MonthDay[] reportReminders,
        @DefaultValue("10") int maxAttachments,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("data/licensing") String attachmentsDir) {}
