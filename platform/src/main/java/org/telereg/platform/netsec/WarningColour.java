package org.telereg.platform.netsec;

/** Warning colours (预警级别); red and orange are the ministry's, yellow and blue a province's. */
public enum WarningColour {
    RED,
    ORANGE,
    YELLOW,
    BLUE;

    /** Whether the ministry issues it (and it starts 24-hour duty). */
    public boolean ministerial() {
        return this == RED || this == ORANGE;
    }
}
