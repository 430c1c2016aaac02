package org.telereg.platform.credit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.credit.CreditRecordView;
import org.telereg.platform.credit.CreditRegistry;
import org.telereg.platform.credit.CreditSearch;
import org.telereg.platform.shared.FieldProblems;

/** The published credit lists as a paged JSON API, without captcha and under the public rate limit. */
@RestController
@RequestMapping("/api/v1/public/credit")
@Tag(name = "信用名单 credit lists (public)", description = "The bad-operator and dishonest lists as published")
class CreditApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final CreditRegistry registry;

    CreditApiController(CreditRegistry registry) {
        this.registry = registry;
    }

    /** An entry as the public API publishes it; a person appears masked. */
    record PublishedEntry(
            long id,
            CreditList list,
            String subject,
            String creditCode,
            String licenceNumber,
            String reason,
            LocalDate decidedOn,
            LocalDate listedOn,
            String authority,
            LocalDate removalDue) {}

    record PublishedPage(List<PublishedEntry> entries, int page, int size, long total) {}

    @GetMapping
    @Operation(
            summary = "Standing entries of the bad-operator (BAD_OPERATOR) or dishonest (DISHONEST) list, newest first")
    PublishedPage entries(
            @RequestParam(defaultValue = "DISHONEST") String list,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        FieldProblems problems = new FieldProblems();
        CreditList chosen = problems.choice("list", list, CreditList.class);
        if (chosen != null && !chosen.published()) {
            problems.reject("list", "invalid.choice", "is not a published list", list);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.reject("size", "credit.invalid.pageSize", "must be 1 to " + MAX_PAGE_SIZE, MAX_PAGE_SIZE);
        }
        problems.throwIfAny();
        Page<CreditRecordView> records = registry.search(
                new CreditSearch(chosen, CreditRecordView.Status.LISTED, text),
                false,
                PageRequest.of(Math.max(page, 0), size));
        return new PublishedPage(
                records.map(r -> new PublishedEntry(
                                r.id(),
                                r.list(),
                                r.subject(),
                                r.creditCode(),
                                r.licenceNumber(),
                                r.reason(),
                                r.decidedOn(),
                                r.listedOn(),
                                r.authorityName(),
                                r.removalDue()))
                        .getContent(),
                records.getNumber(),
                records.getSize(),
                records.getTotalElements());
    }
}
