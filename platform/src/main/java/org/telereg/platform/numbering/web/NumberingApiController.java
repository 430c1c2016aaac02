package org.telereg.platform.numbering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.telereg.platform.numbering.AllocationView;
import org.telereg.platform.numbering.NumberResources;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** Who holds a number's block: operators' and partners' systems check senders and ports here. */
@RestController
@RequestMapping("/api/v1/numbering")
@Tag(name = "码号资源 numbering", description = "Number-resource allocations: segments, 106 SMS ports, short codes")
class NumberingApiController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NumberResources resources;

    NumberingApiController(NumberResources resources) {
        this.resources = resources;
    }

    @GetMapping("/holders/{number}")
    @Operation(summary = "The allocation covering a number (longest prefix) on a date, today by default")
    AllocationView holder(@PathVariable String number, @RequestParam(required = false) String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(CHINA) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedInputException(
                    List.of(new FieldProblem("date", "invalid.date", new Object[0], "not a date like 2026-12-01")));
        }
        return resources
                .holderOf(number, day)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no block holds " + number));
    }
}
