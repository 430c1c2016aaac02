package org.telereg.platform.netsec;

/** The level an incident's figures give, by the thresholds of {@link IncidentSettings}. */
final class IncidentGrading {

    private final IncidentSettings settings;

    IncidentGrading(IncidentSettings settings) {
        this.settings = settings;
    }

    /**
     * The computed level, or null when the incident is below every threshold (recorded, ungraded).
     *
     * @param provinces how many provinces the incident reaches
     * @param cities how many cities (for an outage in one province); an outage is always graded, one city
     *     at least being level IV
     * @param users how many users are affected (for a leak: whose data leaked)
     */
    IncidentLevel level(IncidentType type, int provinces, int cities, long users) {
        return switch (type) {
            case DATA_LEAK ->
                byUsers(users, settings.leakI(), settings.leakII(), settings.leakIII(), settings.leakIV());
            case OUTAGE -> outage(provinces, cities);
            default -> byUsers(users, settings.usersI(), settings.usersII(), settings.usersIII(), settings.usersIV());
        };
    }

    private IncidentLevel outage(int provinces, int cities) {
        if (provinces >= settings.outageNationwideProvinces()) {
            return IncidentLevel.I;
        }
        if (provinces >= settings.outageSeveralProvinces()) {
            return IncidentLevel.II;
        }
        // More than one province, yet fewer than "several", is at least province-wide.
        if (provinces > 1 || cities >= settings.outageProvinceCities()) {
            return IncidentLevel.III;
        }
        return IncidentLevel.IV;
    }

    private static IncidentLevel byUsers(long users, long i, long ii, long iii, long iv) {
        if (users >= i) {
            return IncidentLevel.I;
        }
        if (users >= ii) {
            return IncidentLevel.II;
        }
        if (users >= iii) {
            return IncidentLevel.III;
        }
        return users >= iv ? IncidentLevel.IV : null;
    }
}
