package org.telereg.platform.filing.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.ui.Model;
import org.telereg.platform.filing.ApplicationKind;
import org.telereg.platform.filing.ApplicationView;
import org.telereg.platform.filing.CertificateType;
import org.telereg.platform.filing.FilingApplications;
import org.telereg.platform.filing.NewApplication;
import org.telereg.platform.filing.PreApprovalItem;
import org.telereg.platform.filing.ServiceKind;
import org.telereg.platform.filing.SponsorNature;
import org.telereg.platform.shared.FieldProblem;

/**
 * The application form of the portal and the console: the sponsor and its services, its fields named as
 * the rules name their problems ({@code services[1].domains}), so each error shows beside its field. The
 * page's script adds and removes service rows; without it the form files one service. Rows are numbered
 * again from 0 in the order sent, and a row left entirely blank is dropped, so that the numbers of the
 * problems match the rows shown again.
 */
final class ApplicationForm {

    /** The most service rows a form takes (the rules allow as many, and refuse more). */
    static final int MAX_ROWS = 20;

    private static final Pattern SERVICE_FIELD = Pattern.compile("services\\[(\\d{1,3})]\\.(\\w+)");

    private static final List<String> SERVICE_FIELDS = List.of(
            "serviceNumber",
            "kind",
            "name",
            "domains",
            "homeUrl",
            "appIdentifier",
            "preApprovalItems",
            "contentType",
            "responsibleName",
            "responsibleIdNumber",
            "responsiblePhone",
            "ips");

    private ApplicationForm() {}

    /**
     * The form's values with the service rows numbered 0, 1, … in the order of their numbers, blank rows
     * dropped (one row stays), unknown fields and rows past the limit left out.
     */
    static Map<String, String> normalise(Map<String, String> form) {
        Map<String, String> values = new HashMap<>();
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        form.forEach((name, value) -> {
            Matcher m = SERVICE_FIELD.matcher(name);
            if (m.matches()) {
                if (SERVICE_FIELDS.contains(m.group(2))) {
                    rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new HashMap<>())
                            .put(m.group(2), value);
                }
            } else if (!name.startsWith("services[") && !name.equals("_csrf")) {
                values.put(name, value);
            }
        });
        List<Map<String, String>> kept = new ArrayList<>();
        for (Map<String, String> row : rows.values()) {
            boolean blank = row.entrySet().stream()
                    .filter(e -> !e.getKey().equals("kind"))
                    .allMatch(e -> e.getValue() == null || e.getValue().isBlank());
            if (!blank) {
                kept.add(row);
            }
        }
        if (kept.isEmpty()) {
            kept.add(rows.isEmpty() ? new HashMap<>() : rows.values().iterator().next());
        }
        // More rows than the rules take are passed on, one over the limit, so the rules name the problem.
        for (int i = 0; i < Math.min(kept.size(), MAX_ROWS + 1); i++) {
            for (String field : SERVICE_FIELDS) {
                values.put("services[" + i + "]." + field, kept.get(i).get(field));
            }
        }
        return values;
    }

    /** How many service rows the normalised values hold. */
    static int rows(Map<String, String> values) {
        int rows = 0;
        while (values.containsKey("services[" + rows + "].kind")) {
            rows++;
        }
        return Math.max(rows, 1);
    }

    /** The application the normalised values describe. */
    static NewApplication from(Map<String, String> values) {
        List<NewApplication.NewService> services = new ArrayList<>();
        for (int i = 0; i < rows(values); i++) {
            String p = "services[" + i + "].";
            services.add(new NewApplication.NewService(
                    values.get(p + "serviceNumber"),
                    values.get(p + "kind"),
                    values.get(p + "name"),
                    values.get(p + "domains"),
                    values.get(p + "homeUrl"),
                    values.get(p + "appIdentifier"),
                    values.get(p + "preApprovalItems"),
                    values.get(p + "contentType"),
                    values.get(p + "responsibleName"),
                    values.get(p + "responsibleIdNumber"),
                    values.get(p + "responsiblePhone"),
                    values.get(p + "ips")));
        }
        return new NewApplication(
                values.get("kind"),
                values.get("filingNumber"),
                values.get("changedOn"),
                values.get("nature"),
                values.get("sponsorName"),
                values.get("certificateType"),
                values.get("certificateNumber"),
                values.get("cityCode"),
                values.get("countyCode"),
                values.get("address"),
                values.get("principalName"),
                values.get("principalIdNumber"),
                values.get("principalPhone"),
                values.get("principalEmail"),
                values.get("relatedPersons"),
                values.get("accessProvider"),
                null,
                services);
    }

    /** A returned application's values, to correct it. */
    static Map<String, String> of(ApplicationView app) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", app.kind().name());
        values.put("filingNumber", app.kind() == ApplicationKind.CHANGE ? app.subjectNumber() : null);
        values.put(
                "changedOn",
                app.factsChangedOn() == null ? null : app.factsChangedOn().toString());
        values.put("nature", app.nature().name());
        values.put("sponsorName", app.sponsorName());
        values.put("certificateType", app.certificateType().name());
        values.put("certificateNumber", app.certificateNumber());
        values.put("cityCode", app.cityCode());
        values.put("countyCode", app.countyCode());
        values.put("address", app.address());
        values.put("principalName", app.principalName());
        values.put("principalIdNumber", app.principalIdNumber());
        values.put("principalPhone", app.principalPhone());
        values.put("principalEmail", app.principalEmail());
        values.put(
                "relatedPersons",
                app.relatedPersons() == null ? null : app.relatedPersons().replace(";", "\n"));
        values.put("accessProvider", app.providerCreditCode());
        for (int i = 0; i < app.services().size(); i++) {
            ApplicationView.ServiceView s = app.services().get(i);
            String p = "services[" + i + "].";
            values.put(p + "serviceNumber", s.targetServiceNumber());
            values.put(p + "kind", s.kind().name());
            values.put(p + "name", s.name());
            values.put(p + "domains", String.join("\n", s.domains()));
            values.put(p + "homeUrl", s.homeUrl());
            values.put(p + "appIdentifier", s.appIdentifier());
            values.put(
                    p + "preApprovalItems",
                    s.preApprovalItems() == null ? null : s.preApprovalItems().replace(";", "\n"));
            values.put(p + "contentType", s.contentType());
            values.put(p + "responsibleName", s.responsibleName());
            values.put(p + "responsibleIdNumber", s.responsibleIdNumber());
            values.put(p + "responsiblePhone", s.responsiblePhone());
            values.put(p + "ips", String.join("\n", s.ips()));
        }
        return values;
    }

    static void prepare(
            Model model, Map<String, String> form, List<FieldProblem> problems, FilingApplications applications) {
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("nature", "ENTERPRISE");
        values.putIfAbsent("certificateType", "CREDIT_CODE");
        values.putIfAbsent("services[0].kind", "WEBSITE");
        values.putIfAbsent("kind", "NEW");
        model.addAttribute("form", values);
        model.addAttribute("rows", IntStream.range(0, rows(values)).boxed().toList());
        model.addAttribute("maxRows", MAX_ROWS);
        model.addAttribute("problems", problems);
        model.addAttribute("natures", SponsorNature.values());
        model.addAttribute("certificateTypes", CertificateType.values());
        model.addAttribute("serviceKinds", ServiceKind.values());
        model.addAttribute("preApprovalItems", PreApprovalItem.values());
        model.addAttribute("providers", applications.providers());
        model.addAttribute("applicationKinds", List.of(ApplicationKind.NEW, ApplicationKind.CHANGE));
    }
}
