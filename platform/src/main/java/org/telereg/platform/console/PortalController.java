package org.telereg.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public portal's home page: what citizens can do here, without signing in. */
@Controller
class PortalController {

    @GetMapping({"/", "/public"})
    String home() {
        return "console/portal";
    }
}
