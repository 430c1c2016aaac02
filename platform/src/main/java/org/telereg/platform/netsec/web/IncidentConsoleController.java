package org.telereg.platform.netsec.web;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.telereg.platform.access.Role;
import org.telereg.platform.licensing.LicenceRegistry;
import org.telereg.platform.netsec.IncidentLevel;
import org.telereg.platform.netsec.IncidentReport;
import org.telereg.platform.netsec.IncidentStatus;
import org.telereg.platform.netsec.IncidentType;
import org.telereg.platform.netsec.IncidentView;
import org.telereg.platform.netsec.Incidents;
import org.telereg.platform.netsec.ResponseStep;
import org.telereg.platform.netsec.Warnings;
import org.telereg.platform.shared.CsvDownload;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The incident pages: the list (and the leak reports), the report form, and the command page of one
 * incident with its level, checklist, duty, time line, tasks, attachments and final report.
 */
@Controller
@RequestMapping("/console/netsec/incidents")
class IncidentConsoleController {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Incidents incidents;
    private final Warnings warnings;
    private final LicenceRegistry licences;
    private final MessageSource messages;

    IncidentConsoleController(
            Incidents incidents, Warnings warnings, LicenceRegistry licences, MessageSource messages) {
        this.incidents = incidents;
        this.warnings = warnings;
        this.licences = licences;
        this.messages = messages;
    }

    @GetMapping
    String list(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireRead(actor);
        Incidents.Filter filter = filter(type, status, level, province);
        Page<IncidentView> found = incidents.search(scope, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("page", found);
        model.addAttribute("incidents", found.getContent());
        model.addAttribute("filter", filter);
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("levels", IncidentLevel.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("leaks", false);
        model.addAttribute("canReport", Incidents.canReport(actor));
        return "netsec/incidents/list";
    }

    /** The filtered list as CSV, in the user's language; audited. */
    @GetMapping("/export.csv")
    ResponseEntity<byte[]> export(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String province,
            Locale locale) {
        requireRead(actor);
        CsvDownload csv = new CsvDownload()
                .row(Stream.of(
                                "title",
                                "type",
                                "company",
                                "provinces",
                                "affectedCities",
                                "affectedUsers",
                                "level",
                                "status",
                                "startedAt",
                                "detectedAt",
                                "reportedAt",
                                "closedAt")
                        .map(h -> messages.getMessage("netsec.incident.field." + h, null, locale))
                        .toList());
        for (IncidentView i : incidents.export(scope, filter(type, status, level, province))) {
            csv.row(Arrays.asList(
                    i.title(),
                    messages.getMessage("netsec.incident.type." + i.type(), null, locale),
                    i.companyName(),
                    String.join("、", i.provinceNames()),
                    i.affectedCities(),
                    i.affectedUsers(),
                    i.level() == null ? "" : messages.getMessage("netsec.incident.level." + i.level(), null, locale),
                    messages.getMessage("netsec.incident.status." + i.status(), null, locale),
                    TIME.format(i.startedAt()),
                    i.detectedAt() == null ? "" : TIME.format(i.detectedAt()),
                    i.reportedAt() == null ? "" : TIME.format(i.reportedAt()),
                    i.closedAt() == null ? "" : TIME.format(i.closedAt().atZone(ZoneId.of("Asia/Shanghai")))));
        }
        return csv.response("netsec-incidents.csv");
    }

    private static Incidents.Filter filter(String type, String status, String level, String province) {
        return new Incidents.Filter(
                choice(IncidentType.class, type),
                choice(IncidentStatus.class, status),
                choice(IncidentLevel.class, level),
                province(province));
    }

    @GetMapping("/leaks")
    String leaks(Actor actor, DataScope scope, Model model) {
        requireRead(actor);
        Incidents.Filter filter = new Incidents.Filter(IncidentType.DATA_LEAK, null, null, null);
        model.addAttribute("incidents", incidents.list(scope, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("levels", IncidentLevel.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("leaks", true);
        model.addAttribute("canReport", Incidents.canReport(actor));
        return "netsec/incidents/list";
    }

    @GetMapping("/new")
    String form(Actor actor, Model model) {
        requireReport(actor);
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", IncidentReport.blank());
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("operator", actor.role() == Role.OPERATOR);
        return "netsec/incidents/new";
    }

    @PostMapping
    String report(
            Actor actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) List<String> provinces,
            @RequestParam(required = false) String affectedCities,
            @RequestParam(required = false) String affectedUsers,
            @RequestParam(required = false) String services,
            @RequestParam(required = false) String companyCreditCode,
            @RequestParam(required = false) String startedAt,
            @RequestParam(required = false) String detectedAt,
            @RequestParam(required = false) String reportedAt,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String dataKinds,
            Model model,
            RedirectAttributes redirect) {
        requireReport(actor);
        IncidentReport input = new IncidentReport(
                type,
                title,
                provinces,
                affectedCities,
                affectedUsers,
                services,
                companyCreditCode,
                startedAt,
                detectedAt,
                reportedAt,
                description,
                dataKinds);
        try {
            IncidentView incident = incidents.report(actor, input);
            redirect.addFlashAttribute("done", "reported");
            return "redirect:/console/netsec/incidents/" + incident.id();
        } catch (RejectedInputException e) {
            model.addAttribute("report", input);
            model.addAttribute("problems", e.problems());
            return form(actor, model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String incident(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        IncidentView incident = incidents.find(scope, id).orElseThrow(IncidentConsoleController::notFound);
        model.addAttribute("incident", incident);
        model.addAttribute("entries", incidents.timeline(id));
        model.addAttribute("checklist", incidents.checklist(id));
        model.addAttribute("duties", incidents.duties(id));
        model.addAttribute("tasks", incidents.tasks(id));
        model.addAttribute("attachments", incidents.attachments(id));
        model.addAttribute("finalReport", incidents.finalReport(id).orElse(null));
        model.addAttribute(
                "warnings",
                warnings.list(null).stream()
                        .filter(w -> w.incidentId() != null && w.incidentId() == id)
                        .toList());
        model.addAttribute("today", incidents.today());
        model.addAttribute("canCommand", Incidents.canCommand(actor, incident));
        model.addAttribute("canUpdate", Incidents.canUpdate(actor, incident));
        model.addAttribute("actor", actor);
        model.addAttribute("levels", IncidentLevel.values());
        model.addAttribute("steps", ResponseStep.values());
        model.addAttribute("assignees", Incidents.canCommand(actor, incident) ? incidents.assignees() : List.of());
        model.addAttribute(
                "licences",
                incident.companyCreditCode() == null ? List.of() : licences.ofHolder(incident.companyCreditCode()));
        model.addAttribute("licenceToday", licences.today());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "netsec/incidents/incident";
    }

    @PostMapping("/{id:\\d+}/entries")
    String entry(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String body,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "entryAdded", Map.of("body", nn(body)), () -> {
            incidents.addEntry(actor, id, kind, body);
        });
    }

    @PostMapping("/{id:\\d+}/level")
    String level(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "levelOverridden", Map.of("reason", nn(reason)), () -> {
            incidents.override(actor, id, level, reason);
        });
    }

    @PostMapping("/{id:\\d+}/checklist")
    String tick(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "ticked", Map.of(), () -> {
            incidents.tick(actor, id, step, note);
        });
    }

    @PostMapping("/{id:\\d+}/tasks")
    String task(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String dueOn,
            Model model,
            RedirectAttributes redirect) {
        return act(
                actor,
                scope,
                id,
                model,
                redirect,
                "taskAdded",
                Map.of("title", nn(title), "assignee", nn(assignee), "dueOn", nn(dueOn)),
                () -> {
                    incidents.addTask(actor, id, title, assignee, dueOn);
                });
    }

    @PostMapping("/{id:\\d+}/tasks/{taskId:\\d+}/done")
    String taskDone(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "taskDone", Map.of(), () -> {
            incidents.completeTask(actor, id, taskId, note);
        });
    }

    @PostMapping("/{id:\\d+}/attachments")
    String attach(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "attached", Map.of(), () -> {
            try {
                incidents.attach(
                        actor,
                        id,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? new byte[0] : file.getBytes());
            } catch (IOException e) {
                throw RejectedInputException.of("file", "netsec.incident.invalid.fileEmpty", "unreadable", "");
            }
        });
    }

    @GetMapping("/{id:\\d+}/attachments/{attachmentId:\\d+}")
    ResponseEntity<Resource> attachment(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        requireRead(actor);
        Incidents.AttachmentContent content = incidents
                .attachment(actor, id, attachmentId)
                .filter(c -> Files.isReadable(c.file()))
                .orElseThrow(IncidentConsoleController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(content.file()));
    }

    @PostMapping("/{id:\\d+}/final-report")
    String finalReport(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String causes,
            @RequestParam(required = false) List<String> measure,
            @RequestParam(required = false) List<String> dueOn,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "finalReport", Map.of("causes", nn(causes)), () -> {
            incidents.submitFinalReport(actor, id, causes, measure, dueOn);
        });
    }

    @PostMapping("/{id:\\d+}/close")
    String close(Actor actor, DataScope scope, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(actor, scope, id, model, redirect, "closed", Map.of(), () -> {
            incidents.close(actor, id);
        });
    }

    private String act(
            Actor actor,
            DataScope scope,
            long id,
            Model model,
            RedirectAttributes redirect,
            String done,
            Map<String, String> form,
            Runnable action) {
        incidents.find(scope, id).orElseThrow(IncidentConsoleController::notFound);
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
            return "redirect:/console/netsec/incidents/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form);
            return incident(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    private static String nn(String text) {
        return text == null ? "" : text;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        return null;
    }

    private static String province(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ProvinceCode.of(text).code();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void requireRead(Actor actor) {
        if (actor.role() == Role.ACCESS_PROVIDER) {
            throw new AccessDeniedException("incidents are for regulators, operators and internet companies");
        }
    }

    private static void requireReport(Actor actor) {
        if (!Incidents.canReport(actor)) {
            throw new AccessDeniedException("operators, internet companies and administrations report incidents");
        }
    }
}
