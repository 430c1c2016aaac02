package org.telereg.platform.netsec.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.telereg.platform.netsec.Warnings;

/** The portal's page of the public warnings in force. */
@Controller
class WarningPortalController {

    private final Warnings warnings;

    WarningPortalController(Warnings warnings) {
        this.warnings = warnings;
    }

    @GetMapping("/public/warnings")
    String warnings(Model model) {
        model.addAttribute("warnings", warnings.publicActive());
        return "netsec/warnings/public";
    }
}
