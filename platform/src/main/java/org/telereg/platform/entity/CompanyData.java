package org.telereg.platform.entity;

import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.Money;
import org.telereg.platform.shared.ProvinceCode;

/** A company's validated registration data, as a form, the API or a CSV line gives it. */
public record CompanyData(
        CreditCode creditCode,
        String name,
        CompanyType type,
        String legalRepresentative,
        Money registeredCapital,
        ProvinceCode province,
        String address,
        CreditCode groupCreditCode) {}
