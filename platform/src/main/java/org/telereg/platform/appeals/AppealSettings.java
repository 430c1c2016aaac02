package org.telereg.platform.appeals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appeal handling settings ({@code telereg.appeals.*}).
 *
 * @param operatorResponseWorkingDays working days the respondent operator has to respond to an accepted appeal
 */
@ConfigurationProperties("telereg.appeals")
record AppealSettings(@DefaultValue("10") int operatorResponseWorkingDays) {}
