package org.telereg.platform.audit.web;

import java.time.LocalDate;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.platform.audit.AuditLog;
import org.telereg.platform.audit.AuditQuery;

/** Browsing and verifying the audit log: for the ministry administrator and the auditor. */
@Controller
@RequestMapping("/console/audit")
@PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'AUDITOR')")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String module,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditQuery query = new AuditQuery(module, actor, entityType, entityId, action, from, to);
        model.addAttribute("query", query);
        model.addAttribute("modules", log.modules());
        model.addAttribute("entries", log.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "audit/list";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        return "audit/verification";
    }
}
