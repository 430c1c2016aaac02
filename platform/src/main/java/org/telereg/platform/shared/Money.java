package org.telereg.platform.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in yuan (人民币元) with at most two decimals, never negative. */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    public Money {
        if (yuan == null || yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("invalid.money", "invalid amount: " + yuan, String.valueOf(yuan));
        }
        yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses "1000000", "1,000,000.50" or "100万" (ten-thousands, as registers write capital). */
    public static Money of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("invalid.money.empty", "amount is empty");
        }
        String cleaned = text.strip().replace(",", "").replace("元", "");
        BigDecimal factor = BigDecimal.ONE;
        if (cleaned.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        } else if (cleaned.endsWith("亿")) {
            factor = BigDecimal.valueOf(100_000_000);
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        }
        try {
            return new Money(new BigDecimal(cleaned).multiply(factor));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("invalid.money", "invalid amount: " + text, text);
        }
    }

    public static Money yuan(long amount) {
        return new Money(BigDecimal.valueOf(amount));
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
