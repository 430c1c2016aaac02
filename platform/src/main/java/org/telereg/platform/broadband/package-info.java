/**
 * Broadband measurement (宽带测速与申报核验): speed measurements imported from speed-test files and
 * their aggregates by province, city, operator, technology and period; operators' declared speeds and
 * coverage reconciled with them, and the challenges a mismatch opens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "宽带测速与申报核验 broadband")
package org.telereg.platform.broadband;
