/**
 * Tariffs and "speed up, fee down" (资费与提速降费): the operators' published plan catalogue with its
 * version history, unit prices from the catalogue and from operator reports against the ministry's
 * yearly targets, and the dashboard that sets unit prices, measured speeds and fee and speed appeals
 * side by side per operator and province.
 */
@org.springframework.modulith.ApplicationModule(displayName = "资费与提速降费 tariffs")
package org.telereg.platform.tariffs;
