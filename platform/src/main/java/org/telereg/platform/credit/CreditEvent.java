package org.telereg.platform.credit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The contract by which any module puts a company on a credit list or takes it off: publish this
 * event (inside the transaction that records the cause) and the credit module records it after the
 * commit. The source names the cause so the entry links to it, and a later {@link Action#REMOVE}
 * with the same list and source ends the entry. Sending the same listing twice records it once.
 *
 * @param action list or remove
 * @param list the list
 * @param creditCode the company's unified social credit code
 * @param companyName the company's name when the cause arose
 * @param licenceNumber the licence concerned, or {@code null}
 * @param reasonCode a stable code of the reason, e.g. {@code ANNUAL_REPORT_MISSING}, {@code LICENCE_REVOKED}
 * @param reason the reason in words, as the listing authority states it
 * @param source the cause
 * @param decidedOn the date of the decision that lists (or removes)
 * @param authorityCode {@code MIIT} or the two-digit province code of the listing administration
 * @param authorityName the listing authority's name
 */
public record CreditEvent(
        Action action,
        CreditList list,
        String creditCode,
        String companyName,
        String licenceNumber,
        String reasonCode,
        String reason,
        Source source,
        LocalDate decidedOn,
        String authorityCode,
        String authorityName) {

    public enum Action {
        LIST,
        REMOVE
    }

    /**
     * The record that caused an entry.
     *
     * @param module the publishing module, e.g. {@code licensing}
     * @param type the record type, e.g. {@code AnnualReport}
     * @param id the record's id, e.g. {@code B2-20260001/2025}
     */
    public record Source(String module, String type, String id) {
        public Source {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }
    }

    public CreditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(decidedOn, "decidedOn");
    }

    /** Puts a company on a list. */
    public static CreditEvent listing(
            CreditList list,
            String creditCode,
            String companyName,
            String licenceNumber,
            String reasonCode,
            String reason,
            Source source,
            LocalDate decidedOn,
            String authorityCode,
            String authorityName) {
        return new CreditEvent(
                Action.LIST,
                list,
                creditCode,
                companyName,
                licenceNumber,
                reasonCode,
                reason,
                source,
                decidedOn,
                authorityCode,
                authorityName);
    }

    /** Ends the entry the same source put on the list. */
    public static CreditEvent removal(
            CreditList list, String creditCode, String reason, Source source, LocalDate decidedOn) {
        return new CreditEvent(
                Action.REMOVE, list, creditCode, null, null, null, reason, source, decidedOn, null, null);
    }
}
