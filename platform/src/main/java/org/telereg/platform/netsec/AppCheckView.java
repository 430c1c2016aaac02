package org.telereg.platform.netsec;

import java.util.List;

/**
 * One App (one version) tested in a batch, with the SDKs found in it and its findings.
 *
 * @param packageName the Android package name or iOS bundle id
 * @param provinceCode the registering province of the company
 * @param store the store the tested copy came from
 */
public record AppCheckView(
        long id,
        long batchId,
        String batchName,
        String appName,
        String packageName,
        String version,
        String creditCode,
        String companyName,
        String provinceCode,
        String store,
        List<SdkView> sdks,
        List<AppFindingView> findings) {

    public AppCheckView {
        sdks = List.copyOf(sdks);
        findings = List.copyOf(findings);
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }
}
