package org.telereg.platform.filing;

/** What the unit that holds a filed IP range uses it for (IP地址备案的用途). */
public enum IpUse {
    /** 数据中心 / IDC hosting. */
    IDC,
    ENTERPRISE,
    HOME_BROADBAND,
    MOBILE,
    GOVERNMENT,
    EDUCATION,
    OTHER
}
