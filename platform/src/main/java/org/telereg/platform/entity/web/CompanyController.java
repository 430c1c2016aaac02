package org.telereg.platform.entity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditLog;
import org.telereg.platform.audit.AuditQuery;
import org.telereg.platform.entity.CompanyFacts;
import org.telereg.platform.entity.CompanyImport;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyPanel;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.entity.CompanyType;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.entity.ImportResult;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** The company list, detail page, form and CSV import of the console. */
@Controller
@RequestMapping("/console/entities")
class CompanyController {

    private static final int PAGE_SIZE = 20;
    private static final int EXPORT_LIMIT = 100_000;

    private final CompanyRegistry registry;
    private final CompanyImport imports;
    private final AuditLog auditLog;
    private final List<CompanyFacts> facts;

    CompanyController(CompanyRegistry registry, CompanyImport imports, AuditLog auditLog, List<CompanyFacts> facts) {
        this.registry = registry;
        this.imports = imports;
        this.auditLog = auditLog;
        this.facts = List.copyOf(facts);
    }

    @ModelAttribute("provinces")
    java.util.List<ProvinceCode> provinces() {
        return ProvinceCode.administered();
    }

    @ModelAttribute("companyTypes")
    CompanyType[] companyTypes() {
        return CompanyType.values();
    }

    @GetMapping
    String list(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) CompanyType type,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            Model model) {
        CompanySearch search = new CompanySearch(text, province, type);
        Pageable pageable = PageRequest.of(
                Math.max(page, 0),
                PAGE_SIZE,
                Sort.by(Sort.Direction.fromOptionalString(direction).orElse(Sort.Direction.ASC), sort));
        Page<CompanyView> companies = registry.search(scope, search, pageable);
        model.addAttribute("search", search);
        model.addAttribute("companies", companies);
        model.addAttribute("sort", sort);
        model.addAttribute("direction", direction);
        model.addAttribute("canRegister", CompanyRegistry.canRegister(actor));
        return "entity/list";
    }

    @GetMapping("/export.csv")
    void export(
            DataScope scope,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) CompanyType type,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"companies.csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        // The byte-order mark makes Excel on Chinese Windows read the file as UTF-8.
        out.write('\uFEFF');
        out.println("credit_code,name,type,legal_representative,registered_capital,province,address,group_credit_code");
        for (CompanyView c : registry.search(
                        scope, new CompanySearch(text, province, type), PageRequest.of(0, EXPORT_LIMIT))
                .getContent()) {
            out.println(String.join(
                    ",",
                    CsvCells.cell(c.creditCode()),
                    CsvCells.cell(c.name()),
                    CsvCells.cell(c.type().name()),
                    CsvCells.cell(c.legalRepresentative()),
                    CsvCells.cell(c.registeredCapital().toPlainString()),
                    CsvCells.cell(c.provinceCode()),
                    CsvCells.cell(c.address()),
                    CsvCells.cell(c.groupCreditCode())));
        }
        out.flush();
    }

    @GetMapping("/{creditCode}")
    String detail(DataScope scope, Actor actor, @PathVariable String creditCode, Model model) {
        CompanyView company = registry.find(scope, creditCode).orElseThrow(CompanyController::notFound);
        model.addAttribute("company", company);
        model.addAttribute(
                "group",
                company.groupCreditCode() == null
                        ? null
                        : registry.find(scope, company.groupCreditCode()).orElse(null));
        model.addAttribute("affiliates", registry.affiliates(scope, company.creditCode()));
        model.addAttribute(
                "panels",
                facts.stream()
                        .flatMap(source -> source.panel(scope, company.creditCode()).stream())
                        .sorted(Comparator.comparingInt(CompanyPanel::order))
                        .toList());
        model.addAttribute(
                "history",
                auditLog.search(
                                new AuditQuery("entity", null, "Company", company.creditCode(), null, null, null),
                                PageRequest.of(0, 50))
                        .getContent());
        model.addAttribute("canEdit", CompanyRegistry.canWrite(actor, company.provinceCode()));
        return "entity/detail";
    }

    @GetMapping("/new")
    String create(Actor actor, Model model) {
        requireRegister(actor);
        model.addAttribute("input", CompanyInput.empty());
        model.addAttribute("editing", false);
        model.addAttribute("problems", java.util.List.of());
        return "entity/form";
    }

    @GetMapping("/{creditCode}/edit")
    String edit(DataScope scope, Actor actor, @PathVariable String creditCode, Model model) {
        CompanyView company = registry.find(scope, creditCode).orElseThrow(CompanyController::notFound);
        if (!CompanyRegistry.canWrite(actor, company.provinceCode())) {
            throw new org.springframework.security.access.AccessDeniedException("read only");
        }
        model.addAttribute("input", CompanyInput.of(company));
        model.addAttribute("editing", true);
        model.addAttribute("problems", java.util.List.of());
        return "entity/form";
    }

    @PostMapping
    String save(
            Actor actor,
            @ModelAttribute("input") CompanyInput input,
            @RequestParam(defaultValue = "false") boolean editing,
            Model model,
            RedirectAttributes redirect) {
        requireRegister(actor);
        try {
            CompanyView saved = registry.save(actor, input);
            redirect.addFlashAttribute("message", editing ? "entity.saved.updated" : "entity.saved.created");
            return "redirect:/console/entities/" + saved.creditCode();
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("editing", editing);
            return "entity/form";
        }
    }

    @GetMapping("/import")
    String importForm(Actor actor, Model model) {
        requireRegister(actor);
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "entity/import";
    }

    @PostMapping("/import")
    String importFile(Actor actor, @RequestParam String batchId, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        requireRegister(actor);
        ImportResult result = imports.importCsv(actor, batchId, file.getOriginalFilename(), file.getBytes());
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "entity/import";
    }

    private static void requireRegister(Actor actor) {
        if (!CompanyRegistry.canRegister(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("read only");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
