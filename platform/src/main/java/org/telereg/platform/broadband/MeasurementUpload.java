package org.telereg.platform.broadband;

/**
 * An upload's parameters as the form or the API query gives them; {@link MeasurementImport} checks
 * each and names the field at fault.
 *
 * @param batchId the client's id for this file, 1 to 100 characters
 * @param format {@code csv}, {@code ndt} or {@code ofcom}
 * @param panelDate the date an Ofcom panel stands for ({@code yyyy-MM-dd}); required for {@code ofcom}
 * @param division the GB/T 2260 code or province name for records without one (NDT results carry none)
 * @param operator the operator for records without one
 * @param technology the access technology for records without one
 */
public record MeasurementUpload(
        String batchId, String format, String panelDate, String division, String operator, String technology) {}
