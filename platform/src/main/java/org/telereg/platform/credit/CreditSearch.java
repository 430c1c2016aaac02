package org.telereg.platform.credit;

/** A filter of the credit lists; every part may be null. */
public record CreditSearch(CreditList list, CreditRecordView.Status status, String text) {}
