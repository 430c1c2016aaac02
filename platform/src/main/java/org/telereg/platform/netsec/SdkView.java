package org.telereg.platform.netsec;

/**
 * An SDK found in a tested App.
 *
 * @param company the SDK's own company, or {@code null} when the lab did not name it
 */
public record SdkView(String name, String company) {}
