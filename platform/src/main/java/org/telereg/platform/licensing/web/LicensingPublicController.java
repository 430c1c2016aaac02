package org.telereg.platform.licensing.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.licensing.AnnualReports;
import org.telereg.platform.licensing.LicenceRegistry;

/** The licence query and the published annual reports of the portal, under the public rate limit. */
@Controller
class LicensingPublicController {

    private static final int PAGE_SIZE = 20;

    private final LicenceRegistry licences;
    private final AnnualReports reports;

    LicensingPublicController(LicenceRegistry licences, AnnualReports reports) {
        this.licences = licences;
        this.reports = reports;
    }

    @GetMapping("/public/licences")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("today", licences.today());
        model.addAttribute(
                "licences",
                q == null || q.isBlank()
                        ? null
                        : licences.search(DataScope.all(), q, null, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "licensing/public";
    }

    @GetMapping("/public/licences/reports")
    String reports(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? reports.today().getYear() - 1 : year;
        model.addAttribute("year", shown);
        model.addAttribute(
                "reports",
                reports.search(DataScope.all(), shown, null, PageRequest.of(0, 500))
                        .getContent());
        return "licensing/public-reports";
    }
}
