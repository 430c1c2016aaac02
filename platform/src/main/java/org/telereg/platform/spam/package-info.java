/**
 * Spam SMS and bad-information reports (垃圾短信与不良信息举报): 12321-style intake by web, API and
 * SMS, de-duplication, routing to the responsible operator and its answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "垃圾短信与不良信息举报 spam")
package org.telereg.platform.spam;
