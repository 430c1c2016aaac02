package org.telereg.engine.fraud;

import java.time.LocalDate;

/**
 * One subscriber's calls on one calendar day (local time of the records).
 *
 * @param day the day
 * @param outgoing outgoing calls
 * @param incoming incoming calls
 * @param forwarded forwarded calls
 * @param distinctCallees distinct numbers called that day
 * @param connected outgoing calls that connected (duration above 0)
 * @param shortCalls connected outgoing calls shorter than the model's short-call limit
 * @param nightCalls outgoing calls starting in the model's night hours
 * @param connectedSeconds total duration of the connected outgoing calls
 */
public record DayActivity(
        LocalDate day,
        int outgoing,
        int incoming,
        int forwarded,
        int distinctCallees,
        int connected,
        int shortCalls,
        int nightCalls,
        long connectedSeconds) {}
