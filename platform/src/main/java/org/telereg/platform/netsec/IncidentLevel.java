package org.telereg.platform.netsec;

/**
 * The level of an incident, which is also the level of the emergency response it starts (I–IV) and
 * the colour of the warning that matches it.
 */
public enum IncidentLevel {
    /** 特别重大, response I, red. */
    I,
    /** 重大, response II, orange. */
    II,
    /** 较大, response III, yellow. */
    III,
    /** 一般, response IV, blue. */
    IV;

    /** Levels I and II keep 24-hour duty and report progress hourly or daily. */
    public boolean severe() {
        return this == I || this == II;
    }

    /** The warning colour of the same gravity. */
    public WarningColour colour() {
        return WarningColour.values()[ordinal()];
    }

    /** The level from its name, null for blank or an unknown name. */
    static IncidentLevel parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (IncidentLevel level : values()) {
            if (level.name().equalsIgnoreCase(name.strip())) {
                return level;
            }
        }
        return null;
    }
}
