package org.telereg.platform.entity;

import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Money;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A company as a person or an operator system types it: every field a string, validated all at
 * once by {@link #validate(FieldProblems)}. The field names are the API's JSON names and the
 * console form's parameter names.
 */
public record CompanyInput(
        String creditCode,
        String name,
        String type,
        String legalRepresentative,
        String registeredCapital,
        String province,
        String address,
        String groupCreditCode) {

    public static CompanyInput empty() {
        return new CompanyInput(null, null, null, null, null, null, null, null);
    }

    public static CompanyInput of(CompanyView company) {
        return new CompanyInput(
                company.creditCode(),
                company.name(),
                company.type().name(),
                company.legalRepresentative(),
                company.registeredCapital().toPlainString(),
                company.provinceCode(),
                company.address(),
                company.groupCreditCode());
    }

    /** The validated data, or null with every problem recorded in {@code problems}. */
    public CompanyData validate(FieldProblems problems) {
        int before = problems.list().size();
        CreditCode code = problems.parse("creditCode", creditCode, CreditCode::of);
        String validName = problems.text("name", name, 200);
        CompanyType validType = null;
        if (type == null || type.isBlank()) {
            problems.reject("type", "invalid.required", "is required");
        } else {
            validType = CompanyType.parse(type).orElse(null);
            if (validType == null) {
                problems.reject("type", "invalid.choice", "is not one of the allowed values", type.strip());
            }
        }
        String representative = problems.text("legalRepresentative", legalRepresentative, 100);
        Money capital = problems.parse("registeredCapital", registeredCapital, Money::of);
        ProvinceCode validProvince = problems.parse("province", province, ProvinceCode::of);
        String validAddress = problems.optionalText("address", address, 300);
        CreditCode group = problems.parseOptional("groupCreditCode", groupCreditCode, CreditCode::of);
        if (code != null && code.equals(group)) {
            problems.reject("groupCreditCode", "entity.invalid.groupIsSelf", "a company cannot be its own group");
        }
        if (problems.list().size() > before) {
            return null;
        }
        return new CompanyData(code, validName, validType, representative, capital, validProvince, validAddress, group);
    }
}
