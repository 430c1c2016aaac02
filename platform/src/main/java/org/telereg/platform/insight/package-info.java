/**
 * Cross-module views (综合研判): the national map dashboard and the number page (number 360), which joins
 * what every module knows about one phone number.
 */
@org.springframework.modulith.ApplicationModule(displayName = "综合研判 insight")
package org.telereg.platform.insight;
