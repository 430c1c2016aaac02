/**
 * Speed up, fee down and universal service (提速降费与普遍服务): broadband speed measurements imported
 * from speed-test files and their aggregates by province, city, operator, technology and period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "提速降费与普遍服务 broadband")
package org.telereg.platform.broadband;
