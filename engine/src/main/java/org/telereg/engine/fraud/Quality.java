package org.telereg.engine.fraud;

/**
 * How well flags match ground truth.
 *
 * @param truePositives fraud numbers flagged
 * @param falsePositives legitimate numbers flagged
 * @param falseNegatives fraud numbers not flagged
 * @param trueNegatives legitimate numbers not flagged
 */
public record Quality(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** Share of flagged numbers that are fraud; 1 when nothing is flagged. */
    public double precision() {
        long flagged = truePositives + falsePositives;
        return flagged == 0 ? 1 : (double) truePositives / flagged;
    }

    /** Share of fraud numbers flagged; 1 when there is no fraud. */
    public double recall() {
        long fraud = truePositives + falseNegatives;
        return fraud == 0 ? 1 : (double) truePositives / fraud;
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of legitimate numbers flagged. */
    public double falsePositiveRate() {
        long legitimate = falsePositives + trueNegatives;
        return legitimate == 0 ? 0 : (double) falsePositives / legitimate;
    }

    /** Numbers judged. */
    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
}
