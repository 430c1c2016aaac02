package org.telereg.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The TeleReg platform: one Spring Modulith application, one module per regulatory domain. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TeleRegApplication {}
