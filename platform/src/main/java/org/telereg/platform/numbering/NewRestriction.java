package org.telereg.platform.numbering;

/**
 * A restriction as the donor's system sends it, every field as text.
 *
 * @param amount for arrears, the unpaid amount in yuan ({@code 35.20}); optional
 * @param endsOn for a contract, the last day of its term, {@code yyyy-MM-dd}; optional
 * @param note a free remark, at most 500 characters
 */
public record NewRestriction(String amount, String endsOn, String note) {}
