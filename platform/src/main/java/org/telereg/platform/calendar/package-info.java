/**
 * The working-day calendar (工作日历): public holidays and make-up working days as the State Council
 * announces them each year, and deadline arithmetic in working days for every module that counts them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历 calendar")
package org.telereg.platform.calendar;
