/** The market-entity master (市场主体): companies by unified social credit code, groups and affiliates. */
@org.springframework.modulith.ApplicationModule(displayName = "市场主体 entity")
package org.telereg.platform.entity;
