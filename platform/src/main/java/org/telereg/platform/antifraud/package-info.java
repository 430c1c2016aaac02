/**
 * Combating telecom fraud (打击通讯信息诈骗): suspected numbers, their disposal from confirmation to
 * suspension or clearance, and the blocklist every operator applies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "打击通讯信息诈骗 antifraud")
package org.telereg.platform.antifraud;
