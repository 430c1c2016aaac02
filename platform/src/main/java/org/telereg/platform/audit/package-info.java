/** The append-only, hash-chained log of every state change in every module (审计日志). */
@org.springframework.modulith.ApplicationModule(displayName = "审计日志 audit")
package org.telereg.platform.audit;
