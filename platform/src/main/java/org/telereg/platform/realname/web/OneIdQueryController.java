package org.telereg.platform.realname.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.platform.realname.OneIdQuery;
import org.telereg.platform.realname.QueryAnswer;
import org.telereg.platform.shared.RejectedInputException;

/**
 * 一证通查 on the portal: details, then the code, then the counts. One page in three steps; the
 * details are never put back into the page after they were sent, only the request's id.
 */
@Controller
@RequestMapping("/public/realname/query")
class OneIdQueryController {

    private static final String PAGE = "realname/query";

    private final OneIdQuery query;

    OneIdQueryController(OneIdQuery query) {
        this.query = query;
    }

    @GetMapping
    String form(Model model) {
        return details(model, null, null, List.of(), null);
    }

    @PostMapping
    String requestCode(
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            Model model) {
        try {
            return code(model, query.requestCode(idNumber, name, phone), null);
        } catch (RejectedInputException e) {
            return details(model, idNumber, name, e.problems(), null);
        }
    }

    /** The language switch reloads the page it is on: the code step starts again from the details. */
    @GetMapping("/code")
    String restart() {
        return "redirect:/public/realname/query";
    }

    @PostMapping("/code")
    String answer(
            @RequestParam(required = false) String challenge,
            @RequestParam(required = false) String code,
            Model model) {
        QueryAnswer answer = query.answer(challenge, code);
        return switch (answer.outcome()) {
            case ANSWERED -> {
                model.addAttribute("step", "answer");
                model.addAttribute("cards", answer.cards());
                yield PAGE;
            }
            case WRONG_CODE -> code(model, challenge, "realname.query.wrongCode");
            case SPENT -> details(model, null, null, List.of(), "realname.query.spent");
            case DAILY_LIMIT -> {
                model.addAttribute("step", "limit");
                model.addAttribute("perDay", query.queriesPerDay());
                yield PAGE;
            }
        };
    }

    private String details(Model model, String idNumber, String name, List<?> problems, String message) {
        model.addAttribute("step", "details");
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("name", name);
        model.addAttribute("problems", problems);
        model.addAttribute("message", message);
        return PAGE;
    }

    private String code(Model model, String challenge, String message) {
        model.addAttribute("step", "code");
        model.addAttribute("challenge", challenge);
        model.addAttribute("minutes", query.codeValidity().toMinutes());
        model.addAttribute("problems", List.of());
        model.addAttribute("message", message);
        return PAGE;
    }
}
