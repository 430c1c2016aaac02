/** Cross-module views (综合研判): the national map dashboard, later entity 360 and number 360. */
@org.springframework.modulith.ApplicationModule(displayName = "综合研判 insight")
package org.telereg.platform.insight;
