package org.telereg.platform.access.web;

import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.IssuedToken;
import org.telereg.platform.access.NewOrganisation;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.Role;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** Organisations, users and operator API tokens in the console. */
@Controller
@RequestMapping("/console/access")
class AccessController {

    private final AccessManagement access;
    private final Clock clock;

    AccessController(AccessManagement access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/organisations")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'AUDITOR')")
    String organisations(Model model) {
        return organisationsPage(model, new NewOrganisation(null, null, null, null, null, null), List.of());
    }

    @PostMapping("/organisations")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    String createOrganisation(Actor actor, NewOrganisation form, Model model, RedirectAttributes redirect) {
        try {
            access.createOrganisation(actor, form);
            redirect.addFlashAttribute("message", "access.organisations.created");
            return "redirect:/console/access/organisations";
        } catch (RejectedInputException e) {
            return organisationsPage(model, form, e.problems());
        }
    }

    private String organisationsPage(Model model, NewOrganisation form, List<FieldProblem> problems) {
        model.addAttribute("organisations", access.organisations());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "access/organisations";
    }

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'AUDITOR')")
    String users(Model model) {
        return usersPage(model, new UserForm(null, null, null, null, null), List.of());
    }

    /** The new-user form as typed; the password is never sent back to the page. */
    record UserForm(String username, String displayName, String password, String organisationCode, Role role) {}

    @PostMapping("/users")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    String createUser(Actor actor, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            access.createUser(
                    actor,
                    new NewUser(
                            form.username(),
                            form.password(),
                            form.displayName(),
                            form.organisationCode(),
                            form.role()));
            redirect.addFlashAttribute("message", "access.users.created");
            return "redirect:/console/access/users";
        } catch (RejectedInputException e) {
            return usersPage(
                    model,
                    new UserForm(form.username(), form.displayName(), null, form.organisationCode(), form.role()),
                    e.problems());
        }
    }

    @PostMapping("/users/{id}/{change:enable|disable|unlock}")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    String changeUser(Actor actor, @PathVariable long id, @PathVariable String change, RedirectAttributes redirect) {
        try {
            String message;
            switch (change) {
                case "enable" -> {
                    access.setEnabled(actor, id, true);
                    message = "access.users.enabled";
                }
                case "disable" -> {
                    access.setEnabled(actor, id, false);
                    message = "access.users.disabled";
                }
                default -> {
                    access.unlock(actor, id);
                    message = "access.users.unlocked";
                }
            }
            redirect.addFlashAttribute("message", message);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "access.users.notSelf");
        }
        return "redirect:/console/access/users";
    }

    private String usersPage(Model model, UserForm form, List<FieldProblem> problems) {
        model.addAttribute("users", access.users());
        model.addAttribute("organisations", access.organisations());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("now", clock.instant());
        return "access/users";
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'OPERATOR', 'ACCESS_PROVIDER')")
    String tokens(Actor actor, Model model) {
        model.addAttribute("tokens", access.tokens(actor));
        model.addAttribute("now", clock.instant());
        model.addAttribute(
                "organisations",
                access.organisations().stream()
                        .filter(o ->
                                o.type() == OrganisationType.OPERATOR || o.type() == OrganisationType.ACCESS_PROVIDER)
                        .filter(o -> actor.role() == Role.MINISTRY_ADMIN || o.id() == actor.organisationId())
                        .toList());
        return "access/tokens";
    }

    @PostMapping("/tokens")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'OPERATOR', 'ACCESS_PROVIDER')")
    String issue(
            Actor actor, @RequestParam long organisationId, @RequestParam String name, RedirectAttributes redirect) {
        if (name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("error", "access.tokens.nameInvalid");
            return "redirect:/console/access/tokens";
        }
        IssuedToken token = access.issueToken(actor, organisationId, name);
        // Shown once on the next page; only the hash stays on the server.
        redirect.addFlashAttribute("issued", token);
        return "redirect:/console/access/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'OPERATOR', 'ACCESS_PROVIDER')")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        access.revokeToken(actor, id);
        redirect.addFlashAttribute("message", "access.tokens.revoked");
        return "redirect:/console/access/tokens";
    }
}
