package org.telereg.platform.realname;

/**
 * The plan of a store inspection as typed in the console; text fields so each can be refused on its own.
 *
 * @param operator the unified social credit code of the operator that owns the outlet
 * @param outletName the outlet's name as operators' snapshots give it ({@code sales_outlet})
 * @param province the outlet's province
 * @param city the city or district, optional
 * @param plannedOn the planned date, {@code yyyy-MM-dd}
 * @param inspector who inspects
 */
public record InspectionPlanInput(
        String operator, String outletName, String province, String city, String plannedOn, String inspector) {}
