package org.telereg.platform.realname;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The state of a number at its operator; cancelled numbers no longer count against the cap. */
public enum SubscriberStatus {
    /** 正常 */
    NORMAL(List.of("正常", "在用")),
    /** 停机: suspended by the operator or at the user's request; still held by the identity. */
    SUSPENDED(List.of("停机", "暂停", "单停", "双停")),
    /** 销户: the number is no longer held. */
    CANCELLED(List.of("销户", "拆机", "注销"));

    private final List<String> chineseNames;

    SubscriberStatus(List<String> chineseNames) {
        this.chineseNames = chineseNames;
    }

    /** The status named by its constant (any case) or its Chinese name. */
    public static Optional<SubscriberStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip();
        for (SubscriberStatus status : values()) {
            if (status.name().equals(name.toUpperCase(Locale.ROOT)) || status.chineseNames.contains(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether the number is still held by the identity it is registered to. */
    public boolean held() {
        return this != CANCELLED;
    }
}
