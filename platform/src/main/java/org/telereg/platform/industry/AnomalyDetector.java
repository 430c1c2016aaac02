package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Compares a reported value with the operator's own recent periods and with its peers. Medians and
 * the median absolute deviation (MAD) rather than mean and standard deviation, so one earlier odd
 * month does not hide the next.
 */
final class AnomalyDetector {

    /** Scales the MAD to the standard deviation of normally distributed values. */
    private static final BigDecimal MAD_SCALE = new BigDecimal("1.4826");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IndustrySettings settings;

    AnomalyDetector(IndustrySettings settings) {
        this.settings = settings;
    }

    /**
     * Flags a value that lies further from the median of the operator's last periods than both
     * {@code madFactor} scaled MADs and {@code historyPercent} of the median: the first condition
     * keeps a series that always swings from flagging, the second a steady series from flagging
     * on a small wiggle.
     */
    Optional<AnomalyFlag> againstHistory(String code, BigDecimal value, List<BigDecimal> history) {
        if (history.size() < settings.historyMinimum()) {
            return Optional.empty();
        }
        BigDecimal median = median(history);
        BigDecimal mad =
                median(history.stream().map(v -> v.subtract(median).abs()).toList());
        BigDecimal deviation = value.subtract(median).abs();
        boolean beyondSpread = deviation.compareTo(mad.multiply(MAD_SCALE).multiply(settings.madFactor())) > 0;
        boolean beyondPercent = deviation.compareTo(
                        median.abs().multiply(settings.historyPercent()).divide(HUNDRED))
                > 0;
        if (beyondSpread && beyondPercent) {
            return Optional.of(new AnomalyFlag(
                    code, AnomalyFlag.Basis.HISTORY, value, median, percent(deviation, median), history.size()));
        }
        return Optional.empty();
    }

    /** Flags a value more than {@code peerPercent} away from the median of the other operators' values. */
    Optional<AnomalyFlag> againstPeers(String code, BigDecimal value, List<BigDecimal> peers) {
        if (peers.size() < settings.peerMinimum()) {
            return Optional.empty();
        }
        BigDecimal median = median(peers);
        BigDecimal deviation = value.subtract(median).abs();
        BigDecimal percent = percent(deviation, median);
        if (percent.compareTo(settings.peerPercent()) > 0) {
            return Optional.of(new AnomalyFlag(code, AnomalyFlag.Basis.PEERS, value, median, percent, peers.size()));
        }
        return Optional.empty();
    }

    private static BigDecimal percent(BigDecimal deviation, BigDecimal baseline) {
        if (baseline.signum() == 0) {
            return deviation.signum() == 0 ? BigDecimal.ZERO : HUNDRED;
        }
        return deviation
                .multiply(HUNDRED)
                .divide(baseline.abs(), MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
