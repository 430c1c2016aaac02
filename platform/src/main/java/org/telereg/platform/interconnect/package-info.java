/**
 * Interconnection between operators (网间互联): backbone direct-connection points and exchange centres, the
 * links between operators with their capacity history and settlement, cross-network quality tests, and the
 * capacity-expansion tasks a serious quality fault opens.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "网间互联 interconnect",
        allowedDependencies = {"entity", "access", "audit", "shared", "calendar", "console"})
package org.telereg.platform.interconnect;
