package org.telereg.platform.universal;

/** A batch as the console form and the API send it: every field text, checked by {@link PilotBatches}. */
public record BatchForm(
        String name,
        String pilotYear,
        String sharePercent,
        String ordinaryYears,
        String borderYears,
        String minimumYears,
        String radiusKm,
        String minHouseholds,
        String fibreMinMbps,
        String completionDue) {

    /** The defaults of DOMAIN.md: 30 %, 6 and 10 years, at least 6, 5 km, 20 households, 100 Mbps. */
    public static BatchForm defaults(int year) {
        return new BatchForm(null, String.valueOf(year), "30", "6", "10", "6", "5", "20", "100", year + 1 + "-12-31");
    }

    public static BatchForm of(PilotBatch batch) {
        return new BatchForm(
                batch.name(),
                String.valueOf(batch.pilotYear()),
                batch.sharePercent().stripTrailingZeros().toPlainString(),
                String.valueOf(batch.ordinaryYears()),
                String.valueOf(batch.borderYears()),
                String.valueOf(batch.minimumYears()),
                batch.radiusKm().stripTrailingZeros().toPlainString(),
                String.valueOf(batch.minHouseholds()),
                batch.fibreMinMbps().stripTrailingZeros().toPlainString(),
                batch.completionDue().toString());
    }
}
