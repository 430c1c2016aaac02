package org.telereg.platform.realname;

import java.util.List;

/**
 * The answer of 一证通查: how many numbers are registered under the ID at each operator (normal or
 * suspended, not cancelled), with the numbers masked.
 *
 * @param operators the numbers at each operator, most first
 * @param total the numbers at all operators together
 */
public record CardsUnderId(List<OperatorNumbers> operators, long total) {

    /**
     * @param operatorName the operator's name
     * @param cards how many numbers the ID holds there
     * @param maskedNumbers those numbers masked, e.g. {@code 138****8000}
     */
    public record OperatorNumbers(String operatorName, long cards, List<String> maskedNumbers) {}
}
