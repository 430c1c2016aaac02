package org.telereg.platform.numbering.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.Role;
import org.telereg.platform.numbering.Carriers;
import org.telereg.platform.numbering.DonorRefusal;
import org.telereg.platform.numbering.ObstructionIndex;
import org.telereg.platform.numbering.PortOrderSearch;
import org.telereg.platform.numbering.PortOrderView;
import org.telereg.platform.numbering.PortOrders;
import org.telereg.platform.numbering.PortStatus;
import org.telereg.platform.shared.RejectedInputException;

/** Port orders in the console: the list, one order with its timeline and actions, and the obstruction index. */
@Controller
@RequestMapping("/console/porting")
class PortingConsoleController {

    private static final int PAGE_SIZE = 30;

    private final PortOrders orders;
    private final ObstructionIndex obstruction;
    private final AccessManagement access;
    private final Clock clock;

    PortingConsoleController(PortOrders orders, ObstructionIndex obstruction, AccessManagement access, Clock clock) {
        this.orders = orders;
        this.obstruction = obstruction;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    String list(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) PortStatus status,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireRead(actor);
        String operatorCode = operator == null || operator.isBlank() ? null : operator.strip();
        String mobile = Carriers.mobile(number);
        model.addAttribute("status", status);
        model.addAttribute("operator", operatorCode);
        model.addAttribute("number", number);
        model.addAttribute("numberInvalid", number != null && !number.isBlank() && mobile == null);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("statuses", PortStatus.values());
        model.addAttribute(
                "operators",
                access.organisations().stream()
                        .filter(o -> o.type() == OrganisationType.OPERATOR && o.creditCode() != null)
                        .toList());
        model.addAttribute(
                "orders",
                orders.search(
                        scope,
                        new PortOrderSearch(status, operatorCode, mobile, from, to),
                        PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "numbering/ports";
    }

    @GetMapping("/{id}")
    String detail(DataScope scope, Actor actor, @PathVariable long id, Model model) {
        requireRead(actor);
        PortOrderView order =
                orders.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean open = order.status() == PortStatus.SCHEDULED;
        model.addAttribute("order", order);
        model.addAttribute("mayCancel", open && actor.role().writes() && PortOrders.cancels(actor, order));
        model.addAttribute("mayRefuse", open && PortOrders.refuses(actor, order));
        model.addAttribute("refusals", DonorRefusal.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "numbering/port";
    }

    @PostMapping("/{id}/cancel")
    String cancel(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            orders.cancel(actor, id, note);
            redirect.addFlashAttribute("message", "numbering.port.cancelled");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/porting/" + id;
    }

    @PostMapping("/{id}/refuse")
    String refuse(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            orders.refuse(actor, id, reason, note);
            redirect.addFlashAttribute("message", "numbering.port.refused");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/porting/" + id;
    }

    @GetMapping("/obstruction")
    String obstruction(
            Actor actor,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            Model model) {
        if (!regulator(actor)) {
            throw new AccessDeniedException("the obstruction index is for regulators");
        }
        LocalDate end = to == null ? LocalDate.now(clock.withZone(Carriers.CHINA)) : to;
        LocalDate start = from == null || from.isAfter(end) ? end.minusDays(89) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("operators", obstruction.rank(Carriers.startOf(start), Carriers.startOf(end.plusDays(1))));
        return "numbering/obstruction";
    }

    private static boolean regulator(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER
                || actor.role() == Role.AUDITOR;
    }

    private static void requireRead(Actor actor) {
        if (actor.role() == Role.ACCESS_PROVIDER) {
            throw new AccessDeniedException("port orders are for regulators and operators");
        }
    }
}
