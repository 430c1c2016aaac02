package org.telereg.platform.licensing;

/** The two categories of the catalogue. */
public enum ServiceCategory {
    /** 基础电信业务. */
    BASIC,
    /** 增值电信业务. */
    VALUE_ADDED
}
