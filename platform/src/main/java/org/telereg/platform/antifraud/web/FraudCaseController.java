package org.telereg.platform.antifraud.web;

import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.antifraud.CaseSearch;
import org.telereg.platform.antifraud.CaseStatus;
import org.telereg.platform.antifraud.FraudCaseView;
import org.telereg.platform.antifraud.FraudDisposal;
import org.telereg.platform.antifraud.InvalidTransitionException;
import org.telereg.platform.antifraud.NumberProfile;
import org.telereg.platform.antifraud.NumberProfiles;
import org.telereg.platform.audit.AuditLog;
import org.telereg.platform.audit.AuditQuery;
import org.telereg.platform.shared.ChartData;
import org.telereg.platform.shared.ProvinceCode;
import tools.jackson.databind.json.JsonMapper;

/** The suspects list and the disposal page of one number. */
@Controller
@RequestMapping("/console/antifraud")
class FraudCaseController {

    private static final int PAGE_SIZE = 30;
    private static final List<String> SORTS = List.of("score", "detectedAt", "verificationDeadline");

    private final FraudDisposal disposal;
    private final NumberProfiles profiles;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final JsonMapper json;

    FraudCaseController(
            FraudDisposal disposal,
            NumberProfiles profiles,
            AuditLog auditLog,
            MessageSource messages,
            JsonMapper json) {
        this.disposal = disposal;
        this.profiles = profiles;
        this.auditLog = auditLog;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String list(
            DataScope scope,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "score") String sort,
            Model model) {
        CaseSearch search = new CaseSearch(status, province, number);
        String order = SORTS.contains(sort) ? sort : "score";
        model.addAttribute("sort", order);
        model.addAttribute("search", search);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute(
                "cases", disposal.search(scope, search, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(order))));
        return "antifraud/list";
    }

    @GetMapping("/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        FraudCaseView fraudCase =
                disposal.read(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("fraudCase", fraudCase);
        NumberProfile profile = profiles.of(actor.scope(), fraudCase);
        model.addAttribute("profile", profile);
        model.addAttribute("dayChart", json.writeValueAsString(dayChart(profile)));
        model.addAttribute("regulates", FraudDisposal.regulates(actor));
        model.addAttribute("handles", FraudDisposal.handles(actor));
        model.addAttribute(
                "history",
                auditLog.search(
                                new AuditQuery("antifraud", null, "FraudCase", fraudCase.number(), null, null, null),
                                PageRequest.of(0, 50))
                        .getContent());
        return "antifraud/detail";
    }

    private ChartData dayChart(NumberProfile profile) {
        List<NumberProfile.Day> days = profile.days();
        return new ChartData(
                days.stream().map(d -> d.day().toString()).toList(),
                List.of(
                        series("antifraud.number.outgoing", days, NumberProfile.Day::outgoing),
                        series("antifraud.number.callees", days, NumberProfile.Day::distinctCallees),
                        series("antifraud.number.connected", days, NumberProfile.Day::connected),
                        series("antifraud.number.incoming", days, NumberProfile.Day::incoming)));
    }

    private ChartData.Series series(
            String label, List<NumberProfile.Day> days, ToIntFunction<NumberProfile.Day> value) {
        return new ChartData.Series(
                messages.getMessage(label, null, LocaleContextHolder.getLocale()),
                days.stream().map(d -> (long) value.applyAsInt(d)).toList());
    }

    @PostMapping("/{id}/{action:confirm|dismiss|verified|failed|appeal|restore|reject}")
    String act(Actor actor, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "confirm" -> disposal.confirm(actor, id);
                case "dismiss" -> disposal.dismiss(actor, id);
                case "verified" -> disposal.reportVerification(actor, id, true);
                case "failed" -> disposal.reportVerification(actor, id, false);
                case "appeal" -> disposal.appeal(actor, id);
                case "restore" -> disposal.decideAppeal(actor, id, true);
                default -> disposal.decideAppeal(actor, id, false);
            }
            redirect.addFlashAttribute("message", "antifraud.done");
        } catch (InvalidTransitionException e) {
            redirect.addFlashAttribute("error", "antifraud.invalidTransition");
        }
        return "redirect:/console/antifraud/" + id;
    }
}
