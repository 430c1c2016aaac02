/**
 * User appeals (电信用户申诉, hotline 12300): a user who got no fair answer from an operator appeals
 * to the administration of the operator's province, which checks admissibility and decides within
 * working-day deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户申诉 appeals")
package org.telereg.platform.appeals;
