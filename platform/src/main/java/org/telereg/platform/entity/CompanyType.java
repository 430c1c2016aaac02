package org.telereg.platform.entity;

import java.util.Optional;

/**
 * The legal form of a company. The Chinese register name is data, not UI text: it is what
 * business-register exports and imported CSV files write in the type column.
 */
public enum CompanyType {
    STATE_OWNED("国有企业"),
    LIMITED_LIABILITY("有限责任公司"),
    JOINT_STOCK("股份有限公司"),
    FOREIGN_INVESTED("外商投资企业"),
    HK_MACAO_TAIWAN_INVESTED("港澳台投资企业"),
    PARTNERSHIP("合伙企业"),
    SOLE_PROPRIETORSHIP("个人独资企业"),
    PUBLIC_INSTITUTION("事业单位"),
    OTHER("其他");

    private final String registerName;

    CompanyType(String registerName) {
        this.registerName = registerName;
    }

    /** Accepts the constant's name in any case or the register name, e.g. {@code 股份有限公司}. */
    public static Optional<CompanyType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        for (CompanyType type : values()) {
            if (type.name().equalsIgnoreCase(value) || type.registerName.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public String registerName() {
        return registerName;
    }
}
