package org.telereg.platform.appeals;

/** How the user took the matter to the operator first. */
public enum OperatorContact {
    HOTLINE,
    STORE,
    ONLINE,
    LETTER
}
