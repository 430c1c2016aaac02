package org.telereg.platform.filing.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.platform.filing.RegisterQueries;

/** 备案查询 on the public portal: one box for a domain, number or sponsor, and App and blacklist tabs. */
@Controller
class FilingQueryPortalController {

    private static final int PAGE_SIZE = 20;

    private final RegisterQueries register;

    FilingQueryPortalController(RegisterQueries register) {
        this.register = register;
    }

    @GetMapping("/public/filings")
    String query(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "filings") String tab,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        RegisterConsoleController.SearchPage.fill(register, q, tab, page, PAGE_SIZE, false, model);
        return "filing/register/public";
    }
}
