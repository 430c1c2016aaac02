package org.telereg.platform.realname;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of real-name registration ({@code telereg.realname.*}).
 *
 * @param cardsPerOperator the most numbers one identity may hold at one operator (5 by the 2013 rules)
 * @param cardsAllOperators the most numbers one identity may hold at all operators together; 0 applies
 *     no such cap (some provinces add one)
 * @param nameKey the key of the keyed hash of subscribers' names and of documents that are not
 *     GB 11643-shaped (passports, travel permits); set your own in production
 * @param maxBytes the largest snapshot file accepted
 * @param maxRows the most data lines in one snapshot
 * @param maxErrors how many line errors a rejection lists (the first ones in the file)
 * @param verificationHours how long an identity over the cap has for the second real-person
 *     verification before its over-cap cards are to be suspended
 * @param queriesPerDay how many 一证通查 answers one identity gets per day (Beijing date)
 * @param codeMinutes how long a one-time code of 一证通查 stays valid
 * @param codeAttempts how many codes may be tried against one request before it is spent
 * @param codesPerDay how many 一证通查 codes one identity's phones receive in 24 hours; further
 *     requests are answered alike but send nothing, so the service cannot flood a phone with SMS
 */
@ConfigurationProperties("telereg.realname")
record RealnameSettings(
        @DefaultValue("5") int cardsPerOperator,
        @DefaultValue("0") int cardsAllOperators,
        @DefaultValue("telereg-demo-realname-key-change-me") String nameKey,
        @DefaultValue("20971520") long maxBytes,
        @DefaultValue("200000") int maxRows,
        @DefaultValue("100") int maxErrors,
        @DefaultValue("24") int verificationHours,
        @DefaultValue("1") int queriesPerDay,
        @DefaultValue("5") int codeMinutes,
        @DefaultValue("5") int codeAttempts,
        @DefaultValue("5") int codesPerDay) {}
