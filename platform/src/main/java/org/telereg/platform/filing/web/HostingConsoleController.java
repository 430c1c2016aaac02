package org.telereg.platform.filing.web;

import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
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
import org.telereg.platform.filing.HostedLists;
import org.telereg.platform.filing.HostedUploadResult;
import org.telereg.platform.filing.HostedUploadView;
import org.telereg.platform.filing.HostingCheckResult;
import org.telereg.platform.filing.HostingChecks;
import org.telereg.platform.filing.ProviderAccuracy;
import org.telereg.platform.filing.StaleFilings;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The 接入资源核查 pages: a provider uploads its hosted list and sees its checks; officers see the
 * providers of their scope with accuracy and open tasks, check them, and run the stale-filing job.
 */
@Controller
@RequestMapping("/console/filing/hosting")
class HostingConsoleController {

    private final HostedLists lists;
    private final HostingChecks checks;
    private final ProviderAccuracy accuracy;
    private final StaleFilings stale;

    HostingConsoleController(HostedLists lists, HostingChecks checks, ProviderAccuracy accuracy, StaleFilings stale) {
        this.lists = lists;
        this.checks = checks;
        this.accuracy = accuracy;
        this.stale = stale;
    }

    @GetMapping
    String index(Actor actor, DataScope scope, Model model) {
        model.addAttribute("canUpload", HostedLists.canUpload(actor));
        model.addAttribute("canCheckAll", HostingChecks.canCheckAll(actor));
        model.addAttribute("canRunStale", StaleFilings.canRun(actor));
        model.addAttribute("dnsEnabled", checks.dnsEnabled());
        model.addAttribute("providers", lists.providers(scope));
        if (HostedLists.canUpload(actor)) {
            model.addAttribute("current", lists.current(scope.creditCode()).orElse(null));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/hosting/index";
    }

    @PostMapping("/upload")
    String upload(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String asOf,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        try {
            HostedUploadResult result = lists.upload(actor, asOf, file == null ? new byte[0] : file.getBytes());
            model.addAttribute("result", result);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("asOf", asOf);
        }
        return index(actor, scope, model);
    }

    @GetMapping("/providers/{code}")
    String provider(Actor actor, DataScope scope, @PathVariable String code, Model model) {
        List<HostedUploadView> uploads = lists.uploads(scope, code);
        if (uploads.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        HostedUploadView current =
                uploads.stream().filter(HostedUploadView::current).findFirst().orElse(uploads.get(0));
        model.addAttribute("current", current);
        model.addAttribute("uploads", uploads);
        model.addAttribute("history", accuracy.history(code));
        model.addAttribute("listedOn", accuracy.listedOn(code).orElse(null));
        model.addAttribute("canCheck", HostingChecks.canCheck(actor, code, current.provinceCode()));
        model.addAttribute("dnsEnabled", checks.dnsEnabled());
        return "filing/hosting/provider";
    }

    @PostMapping("/providers/{code}/check")
    String check(Actor actor, DataScope scope, @PathVariable String code, RedirectAttributes redirect) {
        if (lists.uploads(scope, code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        HostingCheckResult result = checks.check(actor, code);
        redirect.addFlashAttribute("checked", result);
        return "redirect:/console/filing/hosting/providers/" + code;
    }

    @PostMapping("/check-all")
    String checkAll(Actor actor, RedirectAttributes redirect) {
        List<HostingCheckResult> results = checks.checkAll(actor);
        redirect.addFlashAttribute("checkedAll", results.size());
        redirect.addFlashAttribute(
                "tasksOpened",
                results.stream().mapToInt(HostingCheckResult::tasksOpened).sum());
        redirect.addFlashAttribute(
                "tasksResolved",
                results.stream().mapToInt(HostingCheckResult::tasksResolved).sum());
        return "redirect:/console/filing/hosting";
    }

    @PostMapping("/stale-run")
    String staleRun(Actor actor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("staleResult", stale.runNow(actor));
        return "redirect:/console/filing/hosting";
    }
}
