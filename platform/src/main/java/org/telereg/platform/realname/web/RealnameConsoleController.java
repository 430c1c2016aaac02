package org.telereg.platform.realname.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.realname.CardCounts;
import org.telereg.platform.realname.IdentityCards;
import org.telereg.platform.realname.SnapshotImport;
import org.telereg.platform.realname.SnapshotResult;
import org.telereg.platform.realname.VerificationStatus;
import org.telereg.platform.realname.VerificationView;
import org.telereg.platform.realname.Verifications;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.shared.RejectedInputException;

/** The one-ID-many-cards list, its CSV export and the snapshot upload of the console. */
@Controller
@RequestMapping("/console/realname")
class RealnameConsoleController {

    private static final int PAGE_SIZE = 20;
    private static final int EXPORT_LIMIT = 100_000;

    private final SnapshotImport imports;
    private final CardCounts cardCounts;
    private final Verifications verifications;

    RealnameConsoleController(SnapshotImport imports, CardCounts cardCounts, Verifications verifications) {
        this.imports = imports;
        this.cardCounts = cardCounts;
        this.verifications = verifications;
    }

    @GetMapping
    String overCap(DataScope scope, Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        requireRead(actor);
        Page<IdentityCards> identities = cardCounts.overCap(scope, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("identities", identities);
        model.addAttribute("cardsPerOperator", cardCounts.cardsPerOperator());
        model.addAttribute("cardsAllOperators", cardCounts.cardsAllOperators());
        model.addAttribute("canSubmit", SnapshotImport.canSubmit(actor));
        return "realname/cards";
    }

    @GetMapping("/over-cap.csv")
    void export(DataScope scope, Actor actor, HttpServletResponse response) throws IOException {
        requireRead(actor);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"realname-over-cap.csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        // The byte-order mark makes Excel on Chinese Windows read the file as UTF-8.
        out.write('\uFEFF');
        out.println("identity_masked,document_type,total,operators");
        for (IdentityCards identity :
                cardCounts.overCap(scope, PageRequest.of(0, EXPORT_LIMIT)).getContent()) {
            out.println(String.join(
                    ",",
                    CsvCells.cell(identity.identityMasked()),
                    identity.documentType().name(),
                    Long.toString(identity.total()),
                    CsvCells.cell(identity.operators().stream()
                            .map(o -> o.operatorName() + ":" + o.cards())
                            .collect(Collectors.joining("; ")))));
        }
        out.flush();
    }

    @GetMapping("/import")
    String importForm(Actor actor, Model model) {
        requireSubmit(actor);
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "realname/import";
    }

    @PostMapping("/import")
    String importFile(Actor actor, @RequestParam String batchId, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        requireSubmit(actor);
        SnapshotResult result = imports.importCsv(actor, batchId, file.getOriginalFilename(), file.getBytes());
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("deadlineHours", verifications.deadline().toHours());
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "realname/import";
    }

    @GetMapping("/verifications")
    String verifications(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) VerificationStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireRead(actor);
        Page<VerificationView> tasks = verifications.list(scope, status, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("tasks", tasks);
        model.addAttribute("status", status);
        model.addAttribute("statuses", VerificationStatus.values());
        model.addAttribute("deadlineHours", verifications.deadline().toHours());
        model.addAttribute("decides", SnapshotImport.canSubmit(actor));
        return "realname/verifications";
    }

    @PostMapping("/verifications/{id}")
    String decide(
            Actor actor,
            @PathVariable long id,
            @RequestParam VerificationStatus outcome,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            verifications.decide(actor, id, outcome, note);
            redirect.addFlashAttribute("decided", outcome);
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("refused", e.problems().get(0));
        }
        return "redirect:/console/realname/verifications";
    }

    private static void requireRead(Actor actor) {
        if (!CardCounts.canRead(actor)) {
            throw new AccessDeniedException("real-name data is for regulators and operators");
        }
    }

    private static void requireSubmit(Actor actor) {
        if (!SnapshotImport.canSubmit(actor)) {
            throw new AccessDeniedException("only operators submit real-name snapshots");
        }
    }
}
