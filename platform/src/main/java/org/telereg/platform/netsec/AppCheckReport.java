package org.telereg.platform.netsec;

import java.util.List;

/**
 * A lab's results sent as JSON: the Apps tested, each with the SDKs found and its findings. The
 * fields are those of the CSV columns; an App without findings was tested and passed.
 */
public record AppCheckReport(List<App> apps) {

    /** One App (one version) tested. */
    public record App(
            String appName,
            String packageName,
            String version,
            String creditCode,
            String companyName,
            String store,
            List<Sdk> sdks,
            List<Finding> findings) {}

    /** An SDK found in the App and its company. */
    public record Sdk(String name, String company) {}

    /** A finding of a rule ({@link AppRule} name); {@code sdk} blames an SDK of the App. */
    public record Finding(String rule, String sdk, String detail) {}
}
