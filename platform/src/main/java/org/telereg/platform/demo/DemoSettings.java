package org.telereg.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data set ({@code telereg.demo.*}), generated only with the {@code demo} profile.
 *
 * @param enterprises how many companies to generate besides the operators
 * @param seed the random seed: the same seed and size give the same data on every machine
 * @param password the password of every demo account (documented in the README)
 * @param suspects how many suspected fraud numbers to generate
 */
@ConfigurationProperties("telereg.demo")
record DemoSettings(
        @DefaultValue("300") int enterprises,
        @DefaultValue("20261128") long seed,
        @DefaultValue("TeleReg@2026") String password,
        @DefaultValue("40") int suspects) {}
