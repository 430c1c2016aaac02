/**
 * The console shell (控制台外壳): layout, language switch, public-portal home, error pages and
 * the RFC 9457 problem responses of the REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "控制台外壳 console")
package org.telereg.platform.console;
