package org.telereg.platform.interconnect;

/** A capacity-expansion task moved from one status to another (expanded, verified, overdue). */
public record ExpansionTaskChanged(long taskId, long linkId, TaskStatus from, TaskStatus to, String actor) {}
