package org.telereg.platform.filing;

/** What a filing application asks for. */
public enum ApplicationKind {
    /** 新增备案: a new subject with its services, or new services of a subject already filed. */
    NEW,
    /** 变更备案: new facts for a filed subject and its services. */
    CHANGE,
    /** 注销备案: cancel a filed subject or one of its services. */
    CANCEL
}
