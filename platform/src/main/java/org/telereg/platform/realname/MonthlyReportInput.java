package org.telereg.platform.realname;

/**
 * An operator's monthly real-name statistics (实名制月报) as typed in the console form or sent to the
 * API; every field is text so each one can be refused on its own, beside the field.
 *
 * @param province the province reported on (code, name or abbreviation)
 * @param reportMonth the month reported on, {@code yyyy-MM}
 * @param totalUsers all phone users at the end of the month
 * @param registeredUsers those of them registered under their real identity
 * @param newUsers users who joined in the month
 * @param newOwnOutlets of the new users, those signed up at the operator's own outlets (自有营业厅)
 * @param newAgents those signed up at agents (代理网点)
 * @param newOnline those signed up online (线上)
 * @param newOther those signed up any other way
 * @param outlets sales outlets in the province at the end of the month
 * @param overCapVerified identities over the card cap that verified in person during the month
 * @param overCapSuspended identities over the cap whose over-cap cards were suspended during the month
 */
public record MonthlyReportInput(
        String province,
        String reportMonth,
        String totalUsers,
        String registeredUsers,
        String newUsers,
        String newOwnOutlets,
        String newAgents,
        String newOnline,
        String newOther,
        String outlets,
        String overCapVerified,
        String overCapSuspended) {}
