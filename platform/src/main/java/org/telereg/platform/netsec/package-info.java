/**
 * Network and information security (网络与信息安全): operators' network units graded 1–5 and their
 * filing, review and assessments; incident reports, their levels and the emergency response they
 * start; warnings; major-event assurance; threat intelligence distributed to operators and matched
 * against filings; and App and personal-information governance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "网络与信息安全 netsec")
package org.telereg.platform.netsec;
