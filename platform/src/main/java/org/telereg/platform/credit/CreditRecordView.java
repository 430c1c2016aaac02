package org.telereg.platform.credit;

import java.time.LocalDate;

/**
 * A credit record as lists, the company page and the public portal show it. A person appears only
 * in masked form.
 */
public record CreditRecordView(
        long id,
        CreditList list,
        SubjectKind subjectKind,
        String creditCode,
        String companyName,
        String personIdMasked,
        String personNameMasked,
        String licenceNumber,
        String reasonCode,
        String reason,
        String sourceModule,
        String sourceType,
        String sourceId,
        LocalDate decidedOn,
        LocalDate listedOn,
        String authorityCode,
        String authorityName,
        LocalDate removalDue,
        Status status,
        LocalDate removedOn,
        String removalReason) {

    public enum SubjectKind {
        COMPANY,
        PERSON
    }

    public enum Status {
        LISTED,
        REMOVED
    }

    /** The subject as a list shows it: the company's name, or the person's masked name and ID number. */
    public String subject() {
        return subjectKind == SubjectKind.COMPANY ? companyName : personNameMasked + " " + personIdMasked;
    }

    /**
     * Where the cause can be read in the console: a licence or its annual report opens the licence
     * search, an appeal rate the appeal statistics; an administration's decision has no page.
     */
    public String sourceLink() {
        return switch (sourceModule + ":" + sourceType) {
            case "licensing:Licence", "licensing:AnnualReport" ->
                "/console/licensing/licences?text=" + sourceId.split("/")[0];
            case "appeals:AppealRate" -> "/console/appeals/statistics";
            case "antifraud:FraudNumbers" -> "/console/antifraud?status=CONFIRMED";
            default -> null;
        };
    }

    public boolean listed() {
        return status == Status.LISTED;
    }
}
