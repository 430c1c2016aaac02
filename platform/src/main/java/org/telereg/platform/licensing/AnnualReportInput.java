package org.telereg.platform.licensing;

/**
 * An annual report as the console form and the API send it.
 *
 * @param operating {@code true} when the licensed business was carried on during the year
 * @param revenue telecom business revenue of the year, yuan (万 and 亿 accepted)
 * @param users users at the end of the year
 * @param employees employees at the end of the year
 * @param securityOfficer the person responsible for network and information security
 * @param publicSummary what the portal publishes: business carried on, service, changes
 */
public record AnnualReportInput(
        String operating,
        String revenue,
        String users,
        String employees,
        String securityOfficer,
        String publicSummary) {

    public static AnnualReportInput blank() {
        return new AnnualReportInput("true", "", "", "", "", "");
    }
}
