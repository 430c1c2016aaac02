package org.telereg.platform.licensing;

import java.util.List;

/**
 * An application as the console form and the API send it; every field is text so that each bad
 * value is reported by name.
 *
 * @param applicantCreditCode the applying company; an operator user applies for its own company and
 *     may leave it empty
 * @param kinds business kind codes, e.g. [B21, B25]
 * @param coverage {@code ALL} or province codes (names and abbreviations are accepted)
 * @param scope the scope text of B25 and similar kinds, e.g. 仅限互联网信息服务; optional
 * @param legalRepresentative the legal representative
 * @param address the registered address
 * @param registeredCapital registered capital in yuan (万 and 亿 accepted)
 * @param investors main investors (blank rows are ignored)
 * @param managers main managers (blank rows are ignored)
 */
public record NewApplication(
        String applicantCreditCode,
        List<String> kinds,
        List<String> coverage,
        String scope,
        String legalRepresentative,
        String address,
        String registeredCapital,
        List<Investor> investors,
        List<Manager> managers) {

    public NewApplication {
        kinds = kinds == null ? List.of() : kinds;
        coverage = coverage == null ? List.of() : coverage;
        investors = investors == null ? List.of() : investors;
        managers = managers == null ? List.of() : managers;
    }

    /**
     * A main investor: a company by credit code or a person by ID number.
     *
     * @param creditCode the investing company's code, or empty for a person
     * @param idNumber the investing person's ID number, or empty for a company
     * @param name the company's or person's name
     * @param share the share in percent
     * @param stateOwned {@code true} for a state-owned investor
     * @param foreign {@code true} for a foreign investor
     */
    public record Investor(
            String creditCode, String idNumber, String name, String share, String stateOwned, String foreign) {

        boolean blank() {
            return empty(creditCode) && empty(idNumber) && empty(name) && empty(share);
        }
    }

    /**
     * A main manager (主要经营管理人员).
     *
     * @param idNumber the ID number
     * @param name the name
     * @param position e.g. 总经理
     */
    public record Manager(String idNumber, String name, String position) {

        boolean blank() {
            return empty(idNumber) && empty(name) && empty(position);
        }
    }

    /** A form with three empty investor rows and three empty manager rows. */
    public static NewApplication blank() {
        Investor investor = new Investor("", "", "", "", "false", "false");
        Manager manager = new Manager("", "", "");
        return new NewApplication(
                "",
                List.of(),
                List.of(),
                "",
                "",
                "",
                "",
                List.of(investor, investor, investor),
                List.of(manager, manager, manager));
    }

    private static boolean empty(String text) {
        return text == null || text.isBlank();
    }
}
