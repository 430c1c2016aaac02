package org.telereg.platform.realname;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telereg.engine.identity.IdKind;

/**
 * The identity documents a subscriber may register with (电话用户真实身份信息登记规定). The
 * GB 11643-shaped ones are checked with the engine's ID-number rules; the others by their shape.
 */
public enum DocumentType {
    /** 居民身份证 (and the temporary card), 18 characters or the legacy 15 digits. */
    RESIDENT_ID(List.of("居民身份证", "身份证", "临时居民身份证"), null, IdKind.RESIDENT_18, IdKind.RESIDENT_15),
    /** 户口簿, which carries the holder's resident ID number. */
    HOUSEHOLD_REGISTER(List.of("户口簿", "户口本"), null, IdKind.RESIDENT_18, IdKind.RESIDENT_15),
    /** 港澳台居民居住证: address code 810000, 820000 or 830000. */
    HMT_RESIDENCE_PERMIT(List.of("港澳台居民居住证", "居住证"), null, IdKind.HK_MACAO_TAIWAN_RESIDENCE_PERMIT),
    /** 外国人永久居留身份证: the 2023 18-character edition, or the older three letters and 12 digits. */
    FOREIGN_PERMANENT_RESIDENCE(
            List.of("外国人永久居留身份证", "外国人永久居留证", "永久居留证"),
            Pattern.compile("[A-Z]{3}\\d{12}"),
            IdKind.FOREIGN_PERMANENT_RESIDENCE_2023),
    /** 港澳居民来往内地通行证: H or M and 8 or 10 digits. */
    HK_MACAO_TRAVEL_PERMIT(List.of("港澳居民来往内地通行证", "回乡证"), Pattern.compile("[HM]\\d{8}(\\d{2})?")),
    /** 台湾居民来往大陆通行证: 8 or 10 digits. */
    TAIWAN_TRAVEL_PERMIT(List.of("台湾居民来往大陆通行证", "台胞证"), Pattern.compile("\\d{8}(\\d{2})?")),
    /** A foreign passport: 5 to 17 letters and digits. */
    PASSPORT(List.of("外国护照", "护照"), Pattern.compile("[A-Z0-9]{5,17}")),
    /** 军官证, 士兵证, 文职干部证 and the like: 4 to 20 letters, digits or Chinese characters. */
    MILITARY_ID(List.of("军人身份证件", "军官证", "士兵证", "文职干部证", "警官证"), Pattern.compile("[\\p{IsHan}A-Z0-9]{4,20}"));

    private final List<String> chineseNames;
    private final Pattern shape;
    private final List<IdKind> idKinds;

    DocumentType(List<String> chineseNames, Pattern shape, IdKind... idKinds) {
        this.chineseNames = chineseNames;
        this.shape = shape;
        this.idKinds = List.of(idKinds);
    }

    /** The type named by its constant (any case) or by a Chinese name operators' systems export. */
    public static Optional<DocumentType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip();
        for (DocumentType type : values()) {
            if (type.name().equals(name.toUpperCase(Locale.ROOT)) || type.chineseNames.contains(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The kinds of GB 11643-shaped number this document may carry; empty when it carries none. */
    List<IdKind> idKinds() {
        return idKinds;
    }

    /** Whether a number that is not GB 11643-shaped has this document's shape. */
    boolean hasShape(String normalized) {
        return shape != null && shape.matcher(normalized).matches();
    }

    /** Whether a number of this document starts like a GB 11643 number and must be checked as one. */
    boolean expectsIdNumber(String normalized) {
        if (idKinds.isEmpty()) {
            return false;
        }
        if (this == FOREIGN_PERMANENT_RESIDENCE) {
            return normalized.length() == 18;
        }
        return true;
    }
}
