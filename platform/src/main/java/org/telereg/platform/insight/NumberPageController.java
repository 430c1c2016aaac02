package org.telereg.platform.insight;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.PhoneNumber;

/**
 * The number page (number 360): what the reference tables say about a number's segment and every
 * module's panel about it, within the reader's scope. A number may be typed as people write it
 * (+86, spaces, dashes); the page's address is always the national form.
 */
@Controller
class NumberPageController {

    private final List<NumberFacts> facts;

    NumberPageController(List<NumberFacts> facts) {
        this.facts = List.copyOf(facts);
    }

    @GetMapping("/console/numbers")
    ModelAndView search(@RequestParam(required = false) String number) {
        if (number == null || number.isBlank()) {
            return new ModelAndView("insight/number-search");
        }
        try {
            return new ModelAndView(
                    "redirect:/console/numbers/" + PhoneNumber.of(number).national());
        } catch (InvalidValueException e) {
            return refused(number, e);
        }
    }

    @GetMapping("/console/numbers/{number}")
    ModelAndView page(DataScope scope, @PathVariable String number) {
        PhoneNumber phone;
        try {
            phone = PhoneNumber.of(number);
        } catch (InvalidValueException e) {
            return refused(number, e);
        }
        if (!phone.national().equals(number)) {
            return new ModelAndView("redirect:/console/numbers/" + phone.national());
        }
        List<NumberPanel> panels = facts.stream()
                .map(f -> f.panel(scope, phone.national()))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(NumberPanel::order))
                .toList();
        ModelAndView page = new ModelAndView("insight/number");
        page.addObject("phone", phone);
        page.addObject("panels", panels);
        return page;
    }

    /** The search page again, with why the number was refused; 400 so scripts notice. */
    private static ModelAndView refused(String number, InvalidValueException e) {
        ModelAndView page = new ModelAndView("insight/number-search");
        page.addObject("number", number);
        page.addObject("problem", e);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
