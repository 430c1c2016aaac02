package org.telereg.platform.universal;

import java.math.BigDecimal;

/**
 * The figures of one batch in one province (or of a batch, or of everything, for the totals).
 *
 * @param provinceCode null on a total line
 * @param villages villages assigned
 * @param accepted villages accepted
 * @param population people in all assigned villages
 * @param populationCovered people in the accepted villages
 * @param construction budgeted construction of all villages, yuan
 * @param operation budgeted operation over the counted years of all villages, yuan
 * @param compensation the compensation of all villages under the batch's formula, yuan
 * @param payable the compensation of the accepted villages only, yuan
 */
public record CompensationRow(
        long batchId,
        String batchName,
        String provinceCode,
        String provinceName,
        long villages,
        long accepted,
        long population,
        long populationCovered,
        BigDecimal construction,
        BigDecimal operation,
        BigDecimal compensation,
        BigDecimal payable) {}
