package org.telereg.platform.netsec;

import java.util.List;

/**
 * An SDK blamed in findings of Apps of two or more companies.
 *
 * @param company the SDK's own company as the labs named it, or {@code null}
 * @param companies the names of the companies whose Apps carried it when it was blamed
 * @param apps the Apps, as {@code App名称 版本}
 * @param rules the rules the findings blaming it were of
 */
public record AppGraphSdk(String name, String company, List<String> companies, List<String> apps, List<AppRule> rules) {

    public AppGraphSdk {
        companies = List.copyOf(companies);
        apps = List.copyOf(apps);
        rules = List.copyOf(rules);
    }
}
