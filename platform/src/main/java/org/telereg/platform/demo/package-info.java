/** The demo data set (演示数据): a seeded, deterministic generator for the embedded database. */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据 demo")
package org.telereg.platform.demo;
