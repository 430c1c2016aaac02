package org.telereg.platform.numbering;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of number portability ({@code telereg.numbering.portability.*}); each eligibility rule of
 * 携号转网服务管理规定 can be switched off where a province's pilot differs.
 *
 * @param requireRealName refuse numbers without a registration in the donor's real-name snapshot
 * @param requireNormalStatus refuse numbers that are suspended or cancelled
 * @param requireBillsSettled refuse numbers with arrears the donor has recorded
 * @param requireNoContract refuse numbers under a contract still in term that the donor has recorded
 * @param daysSinceActivation the fewest whole days between activation and the request
 * @param daysSincePort the fewest whole days since the number's last completed port (re-port rule)
 * @param iotPrefixes number prefixes of data-only and IoT segments, which never port
 * @param requireSameLocalNetwork refuse an order whose local network is not the number's home province
 * @param codeMinutes how long an authorisation code stays valid
 * @param codeAttempts how many wrong codes one code survives before it is void
 * @param codeKey the key of the keyed hash under which codes are kept; set your own in production
 * @param bulkMax the most numbers one bulk carrier lookup accepts
 */
@ConfigurationProperties("telereg.numbering.portability")
record PortabilitySettings(
        @DefaultValue("true") boolean requireRealName,
        @DefaultValue("true") boolean requireNormalStatus,
        @DefaultValue("true") boolean requireBillsSettled,
        @DefaultValue("true") boolean requireNoContract,
        @DefaultValue("120") int daysSinceActivation,
        @DefaultValue("120") int daysSincePort,

        @DefaultValue({"140", "141", "144", "145", "146", "147", "148", "149"})
        List<String> iotPrefixes,

        @DefaultValue("true") boolean requireSameLocalNetwork,
        @DefaultValue("60") int codeMinutes,
        @DefaultValue("5") int codeAttempts,
        @DefaultValue("telereg-demo-porting-key-change-me") String codeKey,
        @DefaultValue("10000") int bulkMax) {}
