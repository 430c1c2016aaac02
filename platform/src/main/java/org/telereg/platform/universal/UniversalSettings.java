package org.telereg.platform.universal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the universal-service imports.
 *
 * @param maxUploadBytes the largest CSV file (villages, base sites, signal tests)
 * @param maxRows the most data lines in one file
 * @param maxErrors the line errors listed before a refused file stops being checked
 */
@ConfigurationProperties("telereg.universal")
public record UniversalSettings(
        @DefaultValue("4194304") int maxUploadBytes,
        @DefaultValue("20000") int maxRows,
        @DefaultValue("500") int maxErrors) {}
