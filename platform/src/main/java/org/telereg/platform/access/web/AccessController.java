package org.telereg.platform.access.web;

import java.time.Clock;
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
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.Role;

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
        model.addAttribute("organisations", access.organisations());
        return "access/organisations";
    }

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'AUDITOR')")
    String users(Model model) {
        model.addAttribute("users", access.users());
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
