package org.telereg.platform.realname;

/**
 * The result of a store inspection as typed after the visit.
 *
 * @param doneOn the day of the visit, {@code yyyy-MM-dd}, not after today
 * @param compliant {@code true} when the outlet registers real names as the rules require
 * @param findings what was found; required when the outlet was not compliant
 * @param outletTerminated {@code true} when the operator's cooperation with the outlet was ended
 * @param rectifyBy the rectification deadline, optional, not before the visit
 */
public record InspectionResultInput(
        String doneOn, String compliant, String findings, String outletTerminated, String rectifyBy) {}
