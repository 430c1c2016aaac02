package org.telereg.platform.netsec;

/**
 * The rules a lab tests Apps against (the catalogue of the 2019 App collection rules and the 2021
 * scope rules); each has its label under {@code netsec.app.rule.<name>}. A finding of
 * {@link #SDK_BEHAVIOUR} names the SDK at fault; any other finding may.
 */
public enum AppRule {
    /** 超范围收集个人信息: collecting personal information the service does not need. */
    OVER_COLLECTION,
    /** 过度索取权限: asking for permissions the service does not need, or again after a refusal. */
    EXCESSIVE_PERMISSION,
    /** 强制、误导用户点击广告: ads that cannot be closed, or that open a download by shaking the phone. */
    FORCED_ADS,
    /** 账号注销难: no way to delete the account, or conditions that make it impossible. */
    DELETION_BARRIER,
    /** SDK 违规收集使用个人信息: an SDK in the App collects or sends personal information unlawfully. */
    SDK_BEHAVIOUR,
    /** 频繁自启动和关联启动: the App starts itself or other Apps without a reason the user sees. */
    FREQUENT_SELF_START,
    /** 未公开收集使用规则: no privacy policy, or one that does not say what the App collects. */
    MISSING_PRIVACY_POLICY,
    /** 强制用户使用定向推送: targeted recommendations that cannot be switched off. */
    FORCED_TARGETED_PUSH;

    /** Whether a finding of this rule must name the SDK at fault. */
    public boolean needsSdk() {
        return this == SDK_BEHAVIOUR;
    }
}
