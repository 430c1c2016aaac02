package org.telereg.platform.access;

import java.util.Objects;

/**
 * Which records a user may see: every query of a scoped module takes one explicitly.
 *
 * @param kind all records, one province's, one enterprise's, or none
 * @param provinceCode the GB/T 2260 province code for {@link Kind#PROVINCE}
 * @param creditCode the unified social credit code for {@link Kind#ENTERPRISE}
 */
public record DataScope(Kind kind, String provinceCode, String creditCode) {

    public enum Kind {
        ALL,
        PROVINCE,
        ENTERPRISE,
        NONE
    }

    public DataScope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PROVINCE) {
            Objects.requireNonNull(provinceCode, "provinceCode");
        }
        if (kind == Kind.ENTERPRISE) {
            Objects.requireNonNull(creditCode, "creditCode");
        }
    }

    public static DataScope all() {
        return new DataScope(Kind.ALL, null, null);
    }

    public static DataScope province(String provinceCode) {
        return new DataScope(Kind.PROVINCE, provinceCode, null);
    }

    public static DataScope enterprise(String creditCode) {
        return new DataScope(Kind.ENTERPRISE, null, creditCode);
    }

    public static DataScope none() {
        return new DataScope(Kind.NONE, null, null);
    }

    /** Whether a record of this enterprise, registered in this province, is visible. */
    public boolean covers(String recordProvinceCode, String recordCreditCode) {
        return switch (kind) {
            case ALL -> true;
            case PROVINCE -> provinceCode.equals(recordProvinceCode);
            case ENTERPRISE -> creditCode.equals(recordCreditCode);
            case NONE -> false;
        };
    }

    /**
     * The SQL condition that keeps only the rows this scope covers, for tables that record a
     * province and an enterprise; adds its parameters to {@code params}.
     *
     * @param provinceColumn the column holding the record's province code
     * @param creditCodeColumn the column holding the enterprise's unified social credit code
     * @return a condition such as {@code province_code = :scopeProvince}, or {@code 1 = 1} for all
     */
    public String sqlCondition(String provinceColumn, String creditCodeColumn, java.util.Map<String, Object> params) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", provinceCode);
                yield provinceColumn + " = :scopeProvince";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", creditCode);
                yield creditCodeColumn + " = :scopeEnterprise";
            }
            case NONE -> "1 = 0";
        };
    }

    /** Whether every record of a province is visible (for province-level figures and imports). */
    public boolean coversProvince(String recordProvinceCode) {
        return kind == Kind.ALL || (kind == Kind.PROVINCE && provinceCode.equals(recordProvinceCode));
    }
}
