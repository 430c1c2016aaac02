package org.telereg.platform.entity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.entity.CompanyImport;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.entity.CompanyType;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.entity.ImportResult;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** REST API of the market-entity master, for operator systems and the ministry's own tools. */
@RestController
@RequestMapping("/api/v1/entities")
@Tag(name = "市场主体 entities", description = "Companies by unified social credit code, within the caller's data scope")
class CompanyApiController {

    private final CompanyRegistry registry;
    private final CompanyImport imports;
    private final MessageSource messages;

    CompanyApiController(CompanyRegistry registry, CompanyImport imports, MessageSource messages) {
        this.registry = registry;
        this.imports = imports;
        this.messages = messages;
    }

    /** One page of results with its position. */
    record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(
                    page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }

    @GetMapping
    @Operation(summary = "Search companies the caller may see")
    PageOf<CompanyView> search(
            DataScope scope,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) CompanyType type,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageOf.of(registry.search(
                scope,
                new CompanySearch(text, province, type),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500), Sort.by("name"))));
    }

    @GetMapping("/{creditCode}")
    @Operation(summary = "One company; 404 when it does not exist or lies outside the caller's scope")
    CompanyView get(DataScope scope, @PathVariable String creditCode) {
        return registry.find(scope, creditCode)
                .orElseThrow(() -> new NoSuchElementException("no company " + creditCode));
    }

    @PutMapping("/{creditCode}")
    @Operation(summary = "Register or update a company")
    CompanyView put(Actor actor, @PathVariable String creditCode, @RequestBody CompanyInput input) {
        if (input.creditCode() != null && !input.creditCode().strip().equalsIgnoreCase(creditCode)) {
            throw new RejectedInputException(List.of(new FieldProblem(
                    "creditCode", "entity.invalid.pathMismatch", new Object[0], "differs from the path")));
        }
        return registry.save(
                actor,
                new CompanyInput(
                        creditCode,
                        input.name(),
                        input.type(),
                        input.legalRepresentative(),
                        input.registeredCapital(),
                        input.province(),
                        input.address(),
                        input.groupCreditCode()));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file: all lines or none; the same batchId or content again changes nothing")
    ResponseEntity<?> importCsv(Actor actor, @RequestParam String batchId, @RequestParam("file") MultipartFile file)
            throws IOException {
        ImportResult result = imports.importCsv(actor, batchId, file.getOriginalFilename(), file.getBytes());
        if (result.status() != ImportResult.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "entity.import.rejected", new Object[] {result.errors().size()}, locale));
        problem.setTitle("Import rejected");
        problem.setProperty("encoding", result.encoding());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
