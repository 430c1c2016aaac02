package org.telereg.platform.realname;

import java.time.LocalDate;

/**
 * A store inspection as lists and the API show it.
 *
 * @param id the inspection's id
 * @param operatorCreditCode the operator that owns the outlet
 * @param operatorName its name
 * @param outletName the outlet
 * @param provinceCode the outlet's province
 * @param city its city or district, may be null
 * @param plannedOn the planned date
 * @param inspector who inspects
 * @param status planned or done
 * @param doneOn the day of the visit, null while planned
 * @param compliant whether the outlet was compliant, null while planned
 * @param findings what was found, may be null
 * @param outletTerminated whether the outlet was terminated, null while planned
 * @param rectifyBy the rectification deadline, may be null
 * @param plannedBy who planned it
 * @param recordedBy who recorded the result, null while planned
 */
public record InspectionView(
        long id,
        String operatorCreditCode,
        String operatorName,
        String outletName,
        String provinceCode,
        String city,
        LocalDate plannedOn,
        String inspector,
        InspectionStatus status,
        LocalDate doneOn,
        Boolean compliant,
        String findings,
        Boolean outletTerminated,
        LocalDate rectifyBy,
        String plannedBy,
        String recordedBy) {}
