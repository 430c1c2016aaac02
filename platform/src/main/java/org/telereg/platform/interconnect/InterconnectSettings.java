package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the interconnection module ({@code telereg.interconnect.*}); docs/interconnection.md
 * explains each rule.
 *
 * @param priceCapYuan the highest settlement price, yuan per Gbps per month: a paid link may not be
 *     priced above it, and the monthly settlement never charges more than it
 * @param delayMs a test is bad on delay when its cross-network delay is above this (and worse than
 *     the internal delay by the factor below)
 * @param lossPercent a test is bad on loss when its cross-network loss, in per cent, is above this
 *     (and worse than the internal loss by the factor below)
 * @param worseFactor how many times the receiving network's internal figure the cross-network figure
 *     must exceed: 1.25 is "more than 25 % worse"
 * @param badTests how many bad tests of a link in one month make a serious fault
 * @param taskDays calendar days the operators have to expand capacity once a task opens
 * @param maxBytes the largest measurement file accepted
 * @param maxRows the most measurement rows one file may hold
 * @param maxErrors how many refused lines an import lists (the first ones)
 */
@ConfigurationProperties("telereg.interconnect")
public record InterconnectSettings(
        @DefaultValue("80000") BigDecimal priceCapYuan,
        @DefaultValue("35") BigDecimal delayMs,
        @DefaultValue("0.5") BigDecimal lossPercent,
        @DefaultValue("1.25") BigDecimal worseFactor,
        @DefaultValue("2") int badTests,
        @DefaultValue("30") int taskDays,
        @DefaultValue("20971520") long maxBytes,
        @DefaultValue("200000") int maxRows,
        @DefaultValue("200") int maxErrors) {}
