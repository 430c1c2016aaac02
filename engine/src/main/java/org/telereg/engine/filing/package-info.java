/**
 * Internet resource filing (互联网基础资源备案) at scale: parsing IP address literals, longest-prefix
 * matching over filed IP ranges, matching host names against filed domains, and the cross-check of an
 * access provider's hosted domain and IP lists against the filing register.
 */
package org.telereg.engine.filing;
