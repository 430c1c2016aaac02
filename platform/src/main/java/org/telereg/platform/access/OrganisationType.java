package org.telereg.platform.access;

/** Kinds of organisation a user belongs to. */
public enum OrganisationType {
    /** 工业和信息化部. */
    MINISTRY,
    /** A provincial communications administration (省通信管理局). */
    ADMINISTRATION,
    /** A basic operator or an MVNO. */
    OPERATOR,
    /** An internet access provider (接入服务商). */
    ACCESS_PROVIDER
}
