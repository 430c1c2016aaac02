package org.telereg.platform.universal;

/**
 * A village and its assignment as the console form, the API and a CSV line give it; the field names
 * are the CSV columns.
 *
 * @param operator the operator's credit code or a name it goes by (中国移动, China Mobile, CMCC)
 * @param plan FIBRE, 4G or 5G
 */
public record VillageForm(
        String village_code,
        String name,
        String latitude,
        String longitude,
        String population,
        String households,
        String border,
        String island,
        String operator,
        String plan,
        String construction_cost,
        String yearly_operation_cost) {

    public static VillageForm empty() {
        return new VillageForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static VillageForm of(VillageView v) {
        return new VillageForm(
                v.code(),
                v.name(),
                v.latitude().toPlainString(),
                v.longitude().toPlainString(),
                String.valueOf(v.population()),
                String.valueOf(v.households()),
                String.valueOf(v.border()),
                String.valueOf(v.island()),
                v.operatorCreditCode(),
                v.plan().code(),
                v.constructionCost().toPlainString(),
                v.yearlyOperationCost().toPlainString());
    }
}
