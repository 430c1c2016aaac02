package org.telereg.platform.filing;

/** Who submitted an application. */
public enum ApplicationChannel {
    /** The sponsor on the public portal, without signing in. */
    PORTAL,
    /** The access provider in the console or through the API. */
    PROVIDER
}
