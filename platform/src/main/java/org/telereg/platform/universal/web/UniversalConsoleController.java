package org.telereg.platform.universal.web;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.universal.AcceptanceForm;
import org.telereg.platform.universal.Acceptances;
import org.telereg.platform.universal.BatchForm;
import org.telereg.platform.universal.BuildStatus;
import org.telereg.platform.universal.Compensation;
import org.telereg.platform.universal.CompensationReport;
import org.telereg.platform.universal.CoverageEvidence;
import org.telereg.platform.universal.CoverageTest;
import org.telereg.platform.universal.ImportOutcome;
import org.telereg.platform.universal.PilotBatch;
import org.telereg.platform.universal.PilotBatches;
import org.telereg.platform.universal.PilotVillages;
import org.telereg.platform.universal.Plan;
import org.telereg.platform.universal.ProgressForm;
import org.telereg.platform.universal.VillageForm;
import org.telereg.platform.universal.VillageSearch;
import org.telereg.platform.universal.VillageView;

/** The 普遍服务 pages: batches, villages with filters and counts, the village page, imports, the report. */
@Controller
@RequestMapping("/console/universal")
class UniversalConsoleController {

    private final PilotBatches batches;
    private final PilotVillages villages;
    private final CoverageEvidence evidence;
    private final Acceptances acceptances;
    private final CompensationReport report;
    private final UniversalViews views;

    UniversalConsoleController(
            PilotBatches batches,
            PilotVillages villages,
            CoverageEvidence evidence,
            Acceptances acceptances,
            CompensationReport report,
            UniversalViews views) {
        this.batches = batches;
        this.villages = villages;
        this.evidence = evidence;
        this.acceptances = acceptances;
        this.report = report;
        this.views = views;
    }

    @ModelAttribute("views")
    UniversalViews views() {
        return views;
    }

    @GetMapping
    String home() {
        return "redirect:/console/universal/batches";
    }

    @GetMapping("/batches")
    String batches(Actor actor, Model model) {
        UniversalViews.requireRead(actor);
        model.addAttribute("batches", batches.list());
        model.addAttribute("canManage", PilotBatches.canManage(actor));
        model.addAttribute("form", BatchForm.defaults(batches.today().getYear()));
        model.addAttribute("problems", List.of());
        return "universal/batches";
    }

    @PostMapping("/batches")
    String createBatch(Actor actor, @ModelAttribute BatchForm form, Model model, RedirectAttributes redirect) {
        try {
            PilotBatch batch = batches.save(actor, null, form);
            redirect.addFlashAttribute("done", "universal.done.batchSaved");
            return "redirect:/console/universal/batches/" + batch.id();
        } catch (RejectedInputException e) {
            model.addAttribute("batches", batches.list());
            model.addAttribute("canManage", true);
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return "universal/batches";
        }
    }

    @GetMapping("/batches/{id}")
    String batch(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        UniversalViews.requireRead(actor);
        PilotBatch batch = batches.get(id);
        batchModel(actor, scope, batch, model);
        model.addAttribute("form", BatchForm.of(batch));
        model.addAttribute("problems", List.of());
        return "universal/batch";
    }

    @PostMapping("/batches/{id}")
    String changeBatch(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @ModelAttribute BatchForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            batches.save(actor, id, form);
            redirect.addFlashAttribute("done", "universal.done.batchSaved");
            return "redirect:/console/universal/batches/" + id;
        } catch (RejectedInputException e) {
            batchModel(actor, scope, batches.get(id), model);
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return "universal/batch";
        }
    }

    private void batchModel(Actor actor, DataScope scope, PilotBatch batch, Model model) {
        model.addAttribute("batch", batch);
        model.addAttribute("canManage", PilotBatches.canManage(actor));
        model.addAttribute("canAssign", PilotVillages.canManageAny(actor));
        model.addAttribute("counts", villages.statusCounts(scope, VillageSearch.ofBatch(batch.id())));
        model.addAttribute("rows", report.rows(scope, batch.id()));
    }

    @GetMapping("/villages")
    String villages(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) boolean late,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        UniversalViews.requireRead(actor);
        VillageSearch search = UniversalViews.search(batch, status, province, plan, operator, q, late);
        model.addAttribute("search", search);
        model.addAttribute("q", UniversalViews.blank(q));
        model.addAttribute(
                "planCode", search.plan() == null ? null : search.plan().code());
        model.addAttribute("villages", villages.search(scope, search, PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("counts", villages.statusCounts(scope, search));
        model.addAttribute("batches", batches.list());
        model.addAttribute("statuses", BuildStatus.values());
        model.addAttribute("plans", Plan.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("today", batches.today());
        model.addAttribute("canAssign", PilotVillages.canManageAny(actor));
        return "universal/villages";
    }

    @GetMapping("/villages/new")
    String newVillage(Actor actor, @RequestParam long batch, Model model) {
        requireAssign(actor);
        model.addAttribute("batch", batches.get(batch));
        model.addAttribute("village", null);
        model.addAttribute("form", VillageForm.empty());
        model.addAttribute("plans", Plan.values());
        model.addAttribute("problems", List.of());
        return "universal/village-form";
    }

    @GetMapping("/villages/{id}/edit")
    String editVillage(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireAssign(actor);
        VillageView village = villages.get(scope, id);
        model.addAttribute("batch", batches.get(village.batchId()));
        model.addAttribute("village", village);
        model.addAttribute("form", VillageForm.of(village));
        model.addAttribute("plans", Plan.values());
        model.addAttribute("problems", List.of());
        return "universal/village-form";
    }

    @PostMapping("/villages")
    String saveVillage(
            Actor actor,
            @RequestParam long batch,
            @RequestParam(required = false) Long id,
            @ModelAttribute VillageForm form,
            Model model,
            RedirectAttributes redirect) {
        requireAssign(actor);
        try {
            VillageView saved = villages.save(actor, batch, id, form);
            redirect.addFlashAttribute("done", "universal.done.villageSaved");
            return "redirect:/console/universal/villages/" + saved.id();
        } catch (RejectedInputException e) {
            model.addAttribute("batch", batches.get(batch));
            model.addAttribute("village", id == null ? null : villages.get(actor.scope(), id));
            model.addAttribute("form", form);
            model.addAttribute("plans", Plan.values());
            model.addAttribute("problems", e.problems());
            return "universal/village-form";
        }
    }

    @GetMapping("/villages/{id}")
    String village(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        UniversalViews.requireRead(actor);
        VillageView village = villages.get(scope, id);
        villageModel(actor, village, model);
        model.addAttribute("progress", new ProgressForm(null, String.valueOf(village.progressPercent()), null, null));
        model.addAttribute("acceptance", new AcceptanceForm("ACCEPTED", null, null, null, null));
        model.addAttribute("problems", List.of());
        return "universal/village";
    }

    @PostMapping("/villages/{id}/progress")
    String progress(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute ProgressForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            villages.reportProgress(actor, id, form);
            redirect.addFlashAttribute("done", "universal.done.progress");
            return "redirect:/console/universal/villages/" + id;
        } catch (RejectedInputException e) {
            VillageView village = villages.get(actor.scope(), id);
            villageModel(actor, village, model);
            model.addAttribute("progress", form);
            model.addAttribute("acceptance", new AcceptanceForm("ACCEPTED", null, null, null, null));
            model.addAttribute("problems", e.problems());
            return "universal/village";
        }
    }

    @PostMapping("/villages/{id}/acceptance")
    String acceptance(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute AcceptanceForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            VillageView village = acceptances.record(actor, id, form);
            redirect.addFlashAttribute(
                    "done",
                    village.status() == BuildStatus.ACCEPTED ? "universal.done.accepted" : "universal.done.failed");
            return "redirect:/console/universal/villages/" + id;
        } catch (RejectedInputException e) {
            VillageView village = villages.get(actor.scope(), id);
            villageModel(actor, village, model);
            model.addAttribute(
                    "progress", new ProgressForm(null, String.valueOf(village.progressPercent()), null, null));
            model.addAttribute("acceptance", form);
            model.addAttribute("problems", e.problems());
            return "universal/village";
        }
    }

    private void villageModel(Actor actor, VillageView village, Model model) {
        PilotBatch batch = batches.get(village.batchId());
        model.addAttribute("village", village);
        model.addAttribute("batch", batch);
        model.addAttribute("years", Compensation.years(batch, village.border(), village.island()));
        model.addAttribute("compensation", Compensation.of(batch, village));
        model.addAttribute("steps", villages.steps(village.id()));
        model.addAttribute("points", evidence.testPoints(village.id()));
        model.addAttribute("history", acceptances.history(village.id()));
        model.addAttribute("today", batches.today());
        CoverageTest.Result result =
                village.plan().mobile() ? acceptances.test(actor.scope(), village.id(), null) : null;
        model.addAttribute("result", result);
        model.addAttribute(
                "canReport",
                PilotVillages.canReport(actor, village)
                        && !village.status().reportableNext().isEmpty());
        model.addAttribute(
                "canDecide",
                Acceptances.canDecide(actor, village) && village.status().awaitsAcceptance());
        model.addAttribute("canEdit", PilotVillages.canManage(actor, village.provinceCode()));
    }

    @GetMapping("/import")
    String importForm(Actor actor, @RequestParam(required = false) Long batch, Model model) {
        requireImport(actor);
        importModel(actor, batch, model);
        return "universal/import";
    }

    @PostMapping("/import/{kind}")
    String importFile(
            Actor actor,
            @PathVariable String kind,
            @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String operator,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        requireImport(actor);
        byte[] content = file == null ? new byte[0] : file.getBytes();
        importModel(actor, batch, model);
        try {
            ImportOutcome outcome = switch (kind) {
                case "villages" -> villages.importCsv(actor, requireBatch(batch), content);
                case "sites" -> evidence.importSites(actor, operator, content);
                case "tests" -> evidence.importTestPoints(actor, requireBatch(batch), content);
                default -> throw new NoSuchElementException(kind);
            };
            model.addAttribute("kind", kind);
            model.addAttribute("outcome", outcome);
        } catch (RejectedInputException e) {
            model.addAttribute("kind", kind);
            model.addAttribute("problems", e.problems());
        }
        return "universal/import";
    }

    private static long requireBatch(Long batch) {
        if (batch == null) {
            throw RejectedInputException.of("batch", "invalid.required", "choose a batch");
        }
        return batch;
    }

    private void importModel(Actor actor, Long batch, Model model) {
        model.addAttribute("batches", batches.list());
        model.addAttribute("selectedBatch", batch);
        model.addAttribute("canVillages", PilotVillages.canManageAny(actor));
        model.addAttribute("canSites", CoverageEvidence.canSendSites(actor));
        model.addAttribute("ministry", PilotBatches.canManage(actor));
        model.addAttribute("canTests", CoverageEvidence.canSendTests(actor));
        model.addAttribute("problems", List.of());
    }

    @GetMapping("/report")
    String report(Actor actor, DataScope scope, @RequestParam(required = false) Long batch, Model model) {
        UniversalViews.requireRead(actor);
        model.addAttribute("batches", batches.list());
        model.addAttribute("selectedBatch", batch);
        model.addAttribute("rows", report.rows(scope, batch));
        return "universal/report";
    }

    @GetMapping("/report.csv")
    ResponseEntity<byte[]> reportCsv(Actor actor, DataScope scope, @RequestParam(required = false) Long batch) {
        UniversalViews.requireRead(actor);
        return views.csv(report.rows(scope, batch));
    }

    /** A village or batch outside the reader's scope looks exactly like an absent one. */
    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private static void requireAssign(Actor actor) {
        if (!PilotVillages.canManageAny(actor)) {
            throw new AccessDeniedException("the ministry and the administrations assign villages");
        }
    }

    private static void requireImport(Actor actor) {
        if (!PilotVillages.canManageAny(actor) && !CoverageEvidence.canSendSites(actor)) {
            throw new AccessDeniedException("no universal-service file to send");
        }
    }
}
