package org.telereg.platform.netsec;

/**
 * A new network unit as the form or the API gives it.
 *
 * @param kind a {@link UnitKind} name
 * @param provinceCode the province the unit serves (code, name or abbreviation); blank for a national unit
 */
public record UnitInput(String name, String kind, String provinceCode, String description) {}
