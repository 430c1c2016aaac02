package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One quality test across a link (China time): traffic from one operator's network into the
 * other's, with the receiving network's internal figures of the same time.
 *
 * @param bad whether the serious-fault rule counts this test as bad
 */
public record QualityTest(
        long linkId,
        LocalDateTime measuredAt,
        String fromOperator,
        String toOperator,
        BigDecimal delayMs,
        BigDecimal lossPercent,
        BigDecimal internalDelayMs,
        BigDecimal internalLossPercent,
        boolean bad) {}
