package org.telereg.engine.sms;

/**
 * A message of a training corpus with its label.
 *
 * @param category the labelled class
 * @param subtype finer label, e.g. {@code impersonate_bank}; empty when the corpus has none
 * @param text the message
 */
public record LabelledSms(SmsCategory category, String subtype, String text) {}
