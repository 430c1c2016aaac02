package org.telereg.platform.realname;

/**
 * What 一证通查 answers to a code.
 *
 * @param outcome whether the code was accepted and the query answered
 * @param cards the numbers under the ID when answered, else null
 */
public record QueryAnswer(Outcome outcome, CardsUnderId cards) {

    /** How a code was taken. */
    public enum Outcome {
        /** The code was right: the counts are in the answer. */
        ANSWERED,
        /** The code was wrong (or none was sent because the details matched nothing); another try is allowed. */
        WRONG_CODE,
        /** The request is expired, used or out of attempts: request a new code. */
        SPENT,
        /** The code was right but the ID has had its queries for today. */
        DAILY_LIMIT
    }

    static QueryAnswer refused(Outcome outcome) {
        return new QueryAnswer(outcome, null);
    }
}
