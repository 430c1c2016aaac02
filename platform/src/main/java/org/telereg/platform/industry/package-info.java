/**
 * Industry statistics and monitoring (行业统计与监测): the versioned metric catalogue with its formulas
 * and consistency rules, report templates, the schedules that assign them to operators, and the
 * operators' periodic reports from draft to acceptance, with anomaly flags for the reviewer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "行业统计与监测 industry")
package org.telereg.platform.industry;
