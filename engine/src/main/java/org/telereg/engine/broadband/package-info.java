/**
 * Broadband speed measurements: reads the generic measurement CSV, M-Lab NDT5/NDT7 result JSON and the Ofcom home
 * broadband panel, flags implausible results with a reason, and aggregates download speeds by province, city,
 * operator, technology and period (docs/broadband-measurement.md).
 */
package org.telereg.engine.broadband;
