package org.telereg.platform.insight;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.shared.ProvinceFigure;

/** The console's home: a map of China with live counts per province, within the user's scope. */
@Controller
class DashboardController {

    private final CompanyRegistry companies;

    DashboardController(CompanyRegistry companies) {
        this.companies = companies;
    }

    @GetMapping("/console")
    String dashboard(DataScope scope, Model model) {
        Map<String, Long> counts = companies.countByProvince(scope);
        model.addAttribute(
                "companyTotal",
                counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("provincesCovered", counts.size());
        return "insight/dashboard";
    }

    @GetMapping("/console/insight/map-data")
    @ResponseBody
    List<ProvinceFigure> mapData(DataScope scope) {
        return ProvinceFigure.of(companies.countByProvince(scope));
    }
}
