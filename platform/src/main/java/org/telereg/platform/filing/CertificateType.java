package org.telereg.platform.filing;

import java.util.Locale;
import org.telereg.engine.identity.IdKind;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.InvalidValueException;

/**
 * The certificate a sponsor files with (主办单位证件类型), each checked by its own rule: check characters
 * where the number has one (the credit code, the resident ID, the legacy organisation code), the issuing
 * authority's shape otherwise.
 */
public enum CertificateType {
    /** 统一社会信用代码 (GB 32100), with its check character. */
    CREDIT_CODE,
    /** 组织机构代码 (GB 11714, before 2015): eight characters and a check character. */
    ORGANISATION_CODE,
    /** 居民身份证 (GB 11643), with its check character. */
    RESIDENT_ID,
    /** 护照: five to seventeen letters and digits. */
    PASSPORT,
    /** 港澳居民来往内地通行证: H or M and eight (or ten) digits. */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证: eight digits. */
    TAIWAN_PERMIT,
    /** 外国人永久居留身份证 (2023 edition), with its check character. */
    FOREIGN_PERMANENT_RESIDENCE;

    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /**
     * The number as the register keeps it: blanks removed, letters upper case, checked by this type's rule.
     *
     * @throws InvalidValueException {@code filing.certificate.invalid.<TYPE>} when the number is not one
     */
    public String check(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("filing.certificate.empty", "certificate number is empty");
        }
        String number = text.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        boolean valid = switch (this) {
            case CREDIT_CODE -> parses(() -> CreditCode.of(number));
            case ORGANISATION_CODE -> validOrganisationCode(number);
            case RESIDENT_ID -> idOfKind(number, IdKind.RESIDENT_18);
            case FOREIGN_PERMANENT_RESIDENCE -> idOfKind(number, IdKind.FOREIGN_PERMANENT_RESIDENCE_2023);
            case PASSPORT -> number.matches("[A-Z0-9]{5,17}");
            case HK_MACAO_PERMIT -> number.matches("[HM]\\d{8}(\\d{2})?");
            case TAIWAN_PERMIT -> number.matches("\\d{8}");
        };
        if (!valid) {
            throw new InvalidValueException(
                    "filing.certificate.invalid." + name(), "not a valid " + name() + ": " + text, text.strip());
        }
        return number;
    }

    /** Whether the certificate identifies a person (its number is masked in lists). */
    public boolean personal() {
        return this != CREDIT_CODE && this != ORGANISATION_CODE;
    }

    /** GB 11714: C9 = 11 − Σ(Ci × Wi) mod 11, written X for 10 and 0 for 11. */
    static boolean validOrganisationCode(String number) {
        if (!number.matches("[0-9A-Z]{8}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = number.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return number.charAt(8) == expected;
    }

    private static boolean idOfKind(String number, IdKind kind) {
        try {
            return IdCardNumber.of(number).kind() == kind;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
