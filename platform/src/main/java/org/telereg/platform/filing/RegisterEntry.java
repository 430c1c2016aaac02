package org.telereg.platform.filing;

import java.time.LocalDate;
import java.util.List;

/**
 * One filed service as the public query shows it (MIIT's 备案查询): who sponsors it, its numbers, what
 * it is and where it stands. It carries no personal data: an individual sponsor's name is masked and
 * no principal or responsible person appears.
 *
 * @param serviceId the register's id of the service, for the console's detail page
 * @param subjectNumber the subject's number, {@code 粤ICP备2026012345号}
 * @param serviceNumber the service's number, {@code 粤ICP备2026012345号-1} or {@code -2A}
 * @param provinceCode the province whose administration issued the numbers
 * @param nature the sponsor's nature (ENTERPRISE, GOVERNMENT, INDIVIDUAL, …)
 * @param sponsorName the sponsor's name; an individual's masked, 张*
 * @param kind website, App, mini-program or quick app
 * @param serviceName the site's or App's name
 * @param homeUrl a website's home URL
 * @param domains a website's filed domains
 * @param appIdentifier an App's package name, bundle id or mini-program id
 * @param contentType the content type the sponsor declared
 * @param approvedOn when the service was approved
 * @param updatedOn when its record last changed (审核通过日期 after a change)
 * @param status the service's standing; {@link ServiceStatus#CANCELLED} when the whole subject is
 */
public record RegisterEntry(
        long serviceId,
        String subjectNumber,
        String serviceNumber,
        String provinceCode,
        String nature,
        String sponsorName,
        ServiceKind kind,
        String serviceName,
        String homeUrl,
        List<String> domains,
        String appIdentifier,
        String contentType,
        LocalDate approvedOn,
        LocalDate updatedOn,
        ServiceStatus status) {

    public RegisterEntry {
        domains = List.copyOf(domains);
    }
}
