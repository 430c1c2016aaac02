package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.util.List;

/**
 * The serious-fault rule of interconnection quality, read per test. Each imported row is one test,
 * and its figures are that test's averages (a test sends many probes and reports their mean delay
 * and loss). A test is bad when its cross-network delay is above {@code delayMs} and above
 * {@code worseFactor} × the receiving network's internal delay, or its loss is above
 * {@code lossPercent} and above {@code worseFactor} × the internal loss. All comparisons are strict
 * and exact (decimal, no rounding): 35 ms, 0.5 % and exactly 25 % worse are not bad. Two or more
 * ({@code badTests}) bad tests of one link in one calendar month (China time) are a serious fault.
 */
final class FaultRule {

    private final InterconnectSettings settings;

    FaultRule(InterconnectSettings settings) {
        this.settings = settings;
    }

    boolean isBad(BigDecimal delayMs, BigDecimal lossPercent, BigDecimal internalDelayMs, BigDecimal internalLoss) {
        boolean delay = delayMs.compareTo(settings.delayMs()) > 0
                && delayMs.compareTo(settings.worseFactor().multiply(internalDelayMs)) > 0;
        boolean loss = lossPercent.compareTo(settings.lossPercent()) > 0
                && lossPercent.compareTo(settings.worseFactor().multiply(internalLoss)) > 0;
        return delay || loss;
    }

    QualityTest marked(QualityTest test) {
        return new QualityTest(
                test.linkId(),
                test.measuredAt(),
                test.fromOperator(),
                test.toOperator(),
                test.delayMs(),
                test.lossPercent(),
                test.internalDelayMs(),
                test.internalLossPercent(),
                isBad(test.delayMs(), test.lossPercent(), test.internalDelayMs(), test.internalLossPercent()));
    }

    /** How many of the window's tests are bad. */
    long badTests(List<QualityTest> window) {
        return window.stream().map(this::marked).filter(QualityTest::bad).count();
    }

    /** Whether the window's tests make a serious fault. */
    boolean isSeriousFault(List<QualityTest> window) {
        return badTests(window) >= settings.badTests();
    }
}
