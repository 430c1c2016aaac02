package org.telereg.platform.filing.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.filing.IpFilings;
import org.telereg.platform.filing.IpRange;
import org.telereg.platform.filing.IpUse;
import org.telereg.platform.filing.NewIpRange;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The IP地址备案 pages: the ranges in the user's scope with the lookup "which filing covers this
 * address?", the form to file a range, withdrawal, and the CSV import.
 */
@Controller
@RequestMapping("/console/filing/ip")
class IpFilingConsoleController {

    private final IpFilings filings;

    IpFilingConsoleController(IpFilings filings) {
        this.filings = filings;
    }

    @GetMapping
    String list(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String address,
            Model model) {
        String shownStatus = status == null ? "ACTIVE" : status;
        model.addAttribute("ranges", filings.list(scope, shownStatus.isBlank() ? null : shownStatus, q));
        model.addAttribute("status", shownStatus);
        model.addAttribute("q", q);
        model.addAttribute("address", address);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (address != null && !address.isBlank()) {
            try {
                model.addAttribute("covering", filings.covering(scope, address));
            } catch (RejectedInputException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        model.addAttribute("canFile", IpFilings.canFile(actor));
        model.addAttribute("uses", IpUse.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        Map<String, String> provinceNames = new HashMap<>();
        ProvinceCode.administered().forEach(p -> provinceNames.put(p.code(), p.shortName()));
        model.addAttribute("provinceNames", provinceNames);
        if (!model.containsAttribute("range")) {
            model.addAttribute("range", NewIpRange.empty());
        }
        return "filing/ip/list";
    }

    @PostMapping
    String file(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String firstAddress,
            @RequestParam(required = false) String lastAddress,
            @RequestParam(required = false) String userUnitName,
            @RequestParam(required = false) String userUnitCreditCode,
            @RequestParam(required = false) String usage,
            @RequestParam(required = false) String allocatingIsp,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String cityCode,
            Model model,
            RedirectAttributes redirect) {
        NewIpRange input = new NewIpRange(
                firstAddress, lastAddress, userUnitName, userUnitCreditCode, usage, allocatingIsp, province, cityCode);
        try {
            IpRange range = filings.file(actor, input);
            redirect.addFlashAttribute("done", "filed");
            redirect.addFlashAttribute("doneRange", range.text());
            return "redirect:/console/filing/ip";
        } catch (RejectedInputException e) {
            model.addAttribute("range", input);
            model.addAttribute("problems", e.problems());
            return list(actor, scope, null, null, null, model);
        }
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        filings.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            IpRange range = filings.withdraw(actor, id, reason);
            redirect.addFlashAttribute("done", "withdrawn");
            redirect.addFlashAttribute("doneRange", range.text());
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/console/filing/ip";
    }

    @GetMapping("/import")
    String importForm(Actor actor) {
        requireFile(actor);
        return "filing/ip/import";
    }

    @PostMapping("/import")
    String importFile(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        requireFile(actor);
        model.addAttribute("result", filings.importCsv(actor, file == null ? new byte[0] : file.getBytes()));
        return "filing/ip/import";
    }

    private static void requireFile(Actor actor) {
        if (!IpFilings.canFile(actor)) {
            throw new AccessDeniedException("IP ranges are filed by administrations and the ISPs that allocate them");
        }
    }
}
