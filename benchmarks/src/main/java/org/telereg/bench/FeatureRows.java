package org.telereg.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.telereg.engine.fraud.FeatureSettings;
import org.telereg.engine.fraud.FeatureTable;

/**
 * A one-row {@link FeatureTable} of feature values computed outside the engine, so that the engine's model can
 * score them. The engine builds tables only from its own readers and accumulators and keeps the constructor
 * package-private (its public surface is small on purpose); a benchmark that scores another implementation's
 * features reaches it by reflection rather than widening the engine's API for a comparison.
 */
final class FeatureRows {

    private static final Constructor<FeatureTable> CONSTRUCTOR = constructor();

    private FeatureRows() {}

    /** One row: {@code values} indexed by {@code Feature.ordinal()}; no users file, so its features are unknown. */
    static FeatureTable of(String subscriber, float[] values, FeatureSettings settings, boolean withSms) {
        try {
            return CONSTRUCTOR.newInstance(new String[] {subscriber}, values, settings, withSms, false);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build a feature table", e);
        }
    }

    private static Constructor<FeatureTable> constructor() {
        try {
            Constructor<FeatureTable> constructor = FeatureTable.class.getDeclaredConstructor(
                    String[].class, float[].class, FeatureSettings.class, boolean.class, boolean.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the engine's FeatureTable constructor changed", e);
        }
    }
}
