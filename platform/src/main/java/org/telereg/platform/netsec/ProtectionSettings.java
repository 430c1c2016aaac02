package org.telereg.platform.netsec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of protection management ({@code telereg.netsec.*}); docs/netsec-protection.md explains
 * each rule.
 *
 * @param filingDays calendar days after the expert review within which the grading must be filed
 * @param assessmentYears years between assessments, per grade ({@code 0}: none required)
 * @param filingReminderDays a draft grading is reminded this many days before its filing deadline
 * @param assessmentReminderDays a unit is reminded this many days before an assessment falls due
 * @param rectificationReminderDays a finding is reminded this many days before its rectification deadline
 */
@ConfigurationProperties("telereg.netsec")
public record ProtectionSettings(
        @DefaultValue("30") int filingDays,
        @DefaultValue AssessmentYears assessmentYears,
        @DefaultValue("7") int filingReminderDays,
        @DefaultValue("30") int assessmentReminderDays,
        @DefaultValue("7") int rectificationReminderDays) {

    /**
     * Years between two compliance (and two risk) assessments of a unit of each grade: yearly for
     * grade 3 and above, every two years for grade 2, none for grade 1 (通信网络安全防护管理办法 art. 10).
     */
    public record AssessmentYears(
            @DefaultValue("0") int grade1,
            @DefaultValue("2") int grade2,
            @DefaultValue("1") int grade3,
            @DefaultValue("1") int grade4,
            @DefaultValue("1") int grade5) {

        /** The years for a grade 1–5; {@code 0} when the grade needs no assessment. */
        public int of(int grade) {
            return switch (grade) {
                case 1 -> grade1;
                case 2 -> grade2;
                case 3 -> grade3;
                case 4 -> grade4;
                case 5 -> grade5;
                default -> throw new IllegalArgumentException("grade " + grade);
            };
        }
    }
}
