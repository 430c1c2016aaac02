package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.ProvinceCode;

/**
 * The compensation report per batch and province: villages, accepted villages, population covered,
 * construction, operation over the counted years and compensation, of the villages the reader's scope
 * covers. Each village's compensation is rounded to the fen before it is summed, so the lines add up
 * to the totals exactly; only accepted villages are payable.
 */
@Service
public class CompensationReport {

    private final PilotBatches batches;
    private final PilotVillages villages;

    CompensationReport(PilotBatches batches, PilotVillages villages) {
        this.batches = batches;
        this.villages = villages;
    }

    /** The report's lines, by batch then province, followed by one total line per batch (province null). */
    public List<CompensationRow> rows(DataScope scope, Long batchId) {
        Map<Long, PilotBatch> byId = new HashMap<>();
        for (PilotBatch batch : batches.list()) {
            byId.put(batch.id(), batch);
        }
        VillageSearch search = batchId == null ? VillageSearch.everything() : VillageSearch.ofBatch(batchId);
        Map<Long, Map<String, Sum>> sums = new TreeMap<>();
        for (VillageView village : villages.all(scope, search)) {
            PilotBatch batch = byId.get(village.batchId());
            sums.computeIfAbsent(village.batchId(), b -> new TreeMap<>())
                    .computeIfAbsent(village.provinceCode(), p -> new Sum())
                    .add(batch, village);
        }
        List<CompensationRow> rows = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Sum>> batch : sums.entrySet()) {
            PilotBatch pilot = byId.get(batch.getKey());
            Sum total = new Sum();
            for (Map.Entry<String, Sum> province : batch.getValue().entrySet()) {
                rows.add(province.getValue().row(pilot, province.getKey()));
                total.add(province.getValue());
            }
            rows.add(total.row(pilot, null));
        }
        return rows;
    }

    private static final class Sum {
        long villages;
        long accepted;
        long population;
        long covered;
        BigDecimal construction = BigDecimal.ZERO.setScale(2);
        BigDecimal operation = BigDecimal.ZERO.setScale(2);
        BigDecimal compensation = BigDecimal.ZERO.setScale(2);
        BigDecimal payable = BigDecimal.ZERO.setScale(2);

        void add(PilotBatch batch, VillageView village) {
            int years = Compensation.years(batch, village.border(), village.island());
            BigDecimal amount = Compensation.of(batch, village);
            villages++;
            population += village.population();
            construction = construction.add(village.constructionCost());
            operation = operation.add(Compensation.operation(village.yearlyOperationCost(), years));
            compensation = compensation.add(amount);
            if (village.status() == BuildStatus.ACCEPTED) {
                accepted++;
                covered += village.population();
                payable = payable.add(amount);
            }
        }

        void add(Sum other) {
            villages += other.villages;
            accepted += other.accepted;
            population += other.population;
            covered += other.covered;
            construction = construction.add(other.construction);
            operation = operation.add(other.operation);
            compensation = compensation.add(other.compensation);
            payable = payable.add(other.payable);
        }

        CompensationRow row(PilotBatch batch, String province) {
            return new CompensationRow(
                    batch.id(),
                    batch.name(),
                    province,
                    province == null ? null : ProvinceCode.of(province).name(),
                    villages,
                    accepted,
                    population,
                    covered,
                    construction,
                    operation,
                    compensation,
                    payable);
        }
    }
}
