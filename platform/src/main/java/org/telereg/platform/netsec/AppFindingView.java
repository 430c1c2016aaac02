package org.telereg.platform.netsec;

/**
 * A finding of one rule in a tested App.
 *
 * @param sdkName the SDK blamed, or {@code null} when the App itself is at fault
 * @param detail what the lab saw, or {@code null}
 */
public record AppFindingView(long id, AppRule rule, String sdkName, String detail) {}
