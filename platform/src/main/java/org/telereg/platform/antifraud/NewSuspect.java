package org.telereg.platform.antifraud;

import java.math.BigDecimal;

/**
 * A number a scan flagged.
 *
 * @param number the subscriber number (11 digits, or an anonymised token in test data)
 * @param operatorCreditCode the operator whose call records flagged it, or null when the detection names
 *     none (the streaming job reads every operator's records); an existing case then keeps its operator
 * @param operatorName that operator's name, or null with it
 * @param score the model's score, 0..1
 * @param reasons the reason codes with values, {@code ;}-separated
 */
public record NewSuspect(
        String number, String operatorCreditCode, String operatorName, BigDecimal score, String reasons) {}
