package org.telereg.engine.broadband;

/** The file formats {@link MeasurementFiles} reads. */
public enum MeasurementFormat {
    /** The generic measurement CSV (docs/broadband-measurement.md gives the columns and their aliases). */
    CSV,
    /** M-Lab NDT5 or NDT7 result JSON as written by the ndt-server, one or more results per file. */
    NDT,
    /** Ofcom's UK home broadband performance panel, one row per panel household (2013 and 2014 layouts). */
    OFCOM_PANEL
}
