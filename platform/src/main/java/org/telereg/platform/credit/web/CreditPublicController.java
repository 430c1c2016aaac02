package org.telereg.platform.credit.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.credit.CreditRecordView;
import org.telereg.platform.credit.CreditRegistry;
import org.telereg.platform.credit.CreditSearch;

/** The published credit lists on the portal, under the public rate limit. */
@Controller
class CreditPublicController {

    private static final int PAGE_SIZE = 20;

    private final CreditRegistry registry;

    CreditPublicController(CreditRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/public/credit")
    String page(
            @RequestParam(required = false) CreditList list,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CreditList shown = list == null || !list.published() ? CreditList.DISHONEST : list;
        model.addAttribute("list", shown);
        model.addAttribute("text", text);
        model.addAttribute(
                "records",
                registry.search(
                        new CreditSearch(shown, CreditRecordView.Status.LISTED, text),
                        false,
                        PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "credit/public";
    }
}
