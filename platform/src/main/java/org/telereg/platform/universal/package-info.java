/**
 * Universal telecommunications service (电信普遍服务): pilot batches with their compensation formula,
 * the villages each batch assigns to an operator with a fibre, 4G or 5G plan, build progress, the
 * acceptance test against the coverage definition, and the compensation report per batch and province.
 */
@org.springframework.modulith.ApplicationModule(displayName = "电信普遍服务 universal")
package org.telereg.platform.universal;
