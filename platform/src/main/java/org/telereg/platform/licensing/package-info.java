/**
 * Telecom business licensing (电信业务经营许可): the business catalogue, applications and their
 * statutory deadlines, licences and their numbers, changes, renewals and ends, and annual reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "电信业务经营许可 licensing")
package org.telereg.platform.licensing;
