/**
 * Internet resource filing (互联网基础资源备案): ICP and App filings from submission through the access
 * provider's check, the sponsor's SMS confirmation and the provincial review to the numbered register;
 * changes, cancellation and lapse; IP address filings; the illegal site and App blacklist; access
 * providers' hosted lists cross-checked against the register and DNS; and the public query API with its
 * change feed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "互联网基础资源 filing")
package org.telereg.platform.filing;
