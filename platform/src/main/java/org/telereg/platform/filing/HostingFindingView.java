package org.telereg.platform.filing;

/**
 * One finding of a check.
 *
 * @param kind what is wrong
 * @param target the hosted entry, or the filed service number or domain concerned
 * @param serviceNumber the filing concerned, or null
 * @param detail what the register or the resolver says instead (another provider, the addresses)
 */
public record HostingFindingView(HostingFindingKind kind, String target, String serviceNumber, String detail) {}
