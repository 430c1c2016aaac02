package org.telereg.engine.fraud;

/**
 * How {@link FraudModel#train} fits a model.
 *
 * @param l2 strength of the L2 penalty on the weights (per training row); larger keeps weights small
 * @param maxIterations Newton steps at most
 * @param clip standardised feature values are clipped to ±clip, so that one extreme value cannot decide alone
 * @param reasons how many reasons to give per subscriber at most
 * @param reasonMinContribution smallest contribution to the log-odds that counts as a reason
 */
public record TrainingSettings(double l2, int maxIterations, double clip, int reasons, double reasonMinContribution) {

    public TrainingSettings {
        if (l2 < 0 || maxIterations < 1 || clip <= 0 || reasons < 0 || reasonMinContribution < 0) {
            throw new IllegalArgumentException("training settings out of range: " + this);
        }
    }

    /** L2 of 0.001, 50 Newton steps, clip at 5, up to 3 reasons contributing at least 0.5 each. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(0.001, 50, 5, 3, 0.5);
    }
}
