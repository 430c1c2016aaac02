package org.telereg.platform.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.engine.numbering.NumberKind;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.shared.DivisionCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.PhoneNumber;

/**
 * The rules an application must meet when it is submitted (DOMAIN.md, 非经营性互联网信息服务备案管理办法):
 * the certificate valid for its type and the sponsor's nature; city and county GB/T 2260 codes of one
 * province, which decides the reviewing administration; mobile phones; each domain well-formed,
 * registered to the sponsor or a person the application names, and neither filed nor pending
 * elsewhere; one access provider. Every problem is reported at once, named by its field.
 */
@Component
class SubmissionRules {

    static final int MAX_SERVICES = 20;
    static final int MAX_DOMAINS = 50;
    static final int MAX_IPS = 50;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final Hashes.Keyed hash;

    SubmissionRules(JdbcClient jdbc, AccessManagement access, ApplicationSettings settings) {
        this.jdbc = jdbc;
        this.access = access;
        this.hash = Hashes.keyed(settings.personKey());
    }

    String hash(String text) {
        return hash.of(text);
    }

    /** The organisations that may give access: access providers and the operators. */
    List<OrganisationView> providers() {
        return access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.ACCESS_PROVIDER || o.type() == OrganisationType.OPERATOR)
                .filter(o -> o.creditCode() != null)
                .toList();
    }

    Optional<OrganisationView> provider(String creditCode) {
        if (creditCode == null) {
            return Optional.empty();
        }
        String code = creditCode.strip().toUpperCase(Locale.ROOT);
        return providers().stream().filter(o -> o.creditCode().equals(code)).findFirst();
    }

    /**
     * Checks a NEW or CHANGE application.
     *
     * @param excluding the application being resubmitted, whose own domains are not duplicates, or null
     * @param today the day of the check: the day a change's facts changed may not be later
     * @throws org.telereg.platform.shared.RejectedInputException with every problem found
     */
    Proposal check(NewApplication input, Long excluding, LocalDate today) {
        FieldProblems problems = new FieldProblems();
        ApplicationKind kind = problems.choice("kind", blankTo(input.kind(), "NEW"), ApplicationKind.class);
        if (kind == ApplicationKind.CANCEL) {
            problems.reject("kind", "filing.app.invalid.cancelKind", "a cancellation is filed with its own form");
            problems.throwIfAny();
        }
        Long subjectId = null;
        String subjectCertificateHash = null;
        Set<Long> subjectServices = Set.of();
        LocalDate changedOn = null;
        if (kind == ApplicationKind.CHANGE) {
            changedOn = problems.pastDate("changedOn", input.changedOn(), true, today);
            Map<String, Object> subject = subject(problems, input.filingNumber());
            if (subject != null) {
                subjectId = ((Number) subject.get("id")).longValue();
                subjectCertificateHash = (String) subject.get("certificate_hash");
                subjectServices = new HashSet<>(jdbc.sql("select id from filing_service where subject_id = :s")
                        .param("s", subjectId)
                        .query(Long.class)
                        .list());
            }
        }
        SponsorNature nature = problems.choice("nature", input.nature(), SponsorNature.class);
        String sponsorName = problems.text("sponsorName", input.sponsorName(), 200);
        CertificateType certificateType =
                problems.choice("certificateType", input.certificateType(), CertificateType.class);
        if (nature != null && certificateType != null && !nature.accepts(certificateType)) {
            problems.reject(
                    "certificateType",
                    "filing.certificate.notForNature",
                    certificateType + " is not a certificate of a " + nature + " sponsor");
        }
        String certificateNumber = certificateType == null
                ? null
                : problems.parse("certificateNumber", input.certificateNumber(), certificateType::check);
        String certificateHash = certificateNumber == null ? null : hash.of(certificateType + ":" + certificateNumber);
        if (subjectCertificateHash != null
                && certificateHash != null
                && !subjectCertificateHash.equals(certificateHash)) {
            problems.reject(
                    "certificateNumber",
                    "filing.app.invalid.otherSponsor",
                    "a change keeps the sponsor's certificate; a new sponsor files anew");
        }
        DivisionCode city = problems.parse("cityCode", input.cityCode(), DivisionCode::of);
        DivisionCode county = problems.parse("countyCode", input.countyCode(), DivisionCode::of);
        String provinceCode = divisions(problems, city, county);
        String address = problems.text("address", input.address(), 300);
        String principalName = problems.text("principalName", input.principalName(), 50);
        IdCardNumber principalId = problems.parse("principalIdNumber", input.principalIdNumber(), IdCardNumber::of);
        PhoneNumber principalPhone = mobile(problems, "principalPhone", input.principalPhone());
        String principalEmail = problems.optionalText("principalEmail", input.principalEmail(), 200);
        if (principalEmail != null && !principalEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.reject("principalEmail", "filing.app.invalid.email", "not an e-mail address", principalEmail);
        }
        List<String> related = persons(input.relatedPersons());
        if (related.size() > 20 || related.stream().anyMatch(p -> p.length() > 50)) {
            problems.reject("relatedPersons", "filing.app.invalid.relatedPersons", "at most 20 names of 50 characters");
        }
        OrganisationView provider = provider(input.accessProvider()).orElse(null);
        if (provider == null) {
            problems.reject(
                    "accessProvider",
                    "filing.app.invalid.accessProvider",
                    "not an access provider: " + input.accessProvider(),
                    String.valueOf(input.accessProvider()));
        }

        Set<String> registrants = new HashSet<>(related);
        if (sponsorName != null) {
            registrants.add(sponsorName);
        }
        if (principalName != null) {
            registrants.add(principalName);
        }
        List<Proposal.ServiceProposal> services = new ArrayList<>();
        if (input.services().isEmpty()) {
            problems.reject("services", "filing.app.invalid.noService", "an application files at least one service");
        } else if (input.services().size() > MAX_SERVICES) {
            problems.reject("services", "filing.app.invalid.tooManyServices", "too many services", MAX_SERVICES);
        } else {
            Set<String> seenDomains = new HashSet<>();
            for (int i = 0; i < input.services().size(); i++) {
                services.add(service(
                        problems,
                        "services[" + i + "].",
                        input.services().get(i),
                        kind,
                        subjectId,
                        subjectServices,
                        registrants,
                        seenDomains,
                        excluding));
            }
        }
        problems.throwIfAny();
        if (kind == ApplicationKind.NEW) {
            // A sponsor already filed adds its new services under the subject number it has.
            subjectId = jdbc.sql("select id from filing_subject where certificate_hash = :h and status = 'ACTIVE'")
                    .param("h", certificateHash)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
        }
        return new Proposal(
                kind,
                provinceCode,
                subjectId,
                null,
                nature,
                sponsorName,
                certificateType,
                certificateNumber,
                certificateHash,
                city.code(),
                county.code(),
                address,
                principalName,
                principalId.value(),
                hash.of(principalId.value()),
                principalPhone.national(),
                principalEmail,
                related,
                provider.creditCode(),
                provider.name(),
                null,
                changedOn,
                List.copyOf(services));
    }

    /** The register subject a change or cancellation names: active, of any province. */
    Map<String, Object> subject(FieldProblems problems, String number) {
        FilingNumber parsed = problems.parse("filingNumber", number, FilingNumber::parse);
        if (parsed == null) {
            return null;
        }
        Optional<Map<String, Object>> found = jdbc
                .sql("select * from filing_subject where subject_number = :n and status = 'ACTIVE'")
                .param("n", parsed.subject().toString())
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            problems.reject("filingNumber", "filing.app.invalid.unknownNumber", "no active filing " + number, number);
            return null;
        }
        return found.get();
    }

    private String divisions(FieldProblems problems, DivisionCode city, DivisionCode county) {
        if (city == null || county == null) {
            return null;
        }
        if (city.level() != org.telereg.engine.region.Division.Level.CITY) {
            problems.reject("cityCode", "filing.app.invalid.notCity", city + " is not a city", city.code());
            return null;
        }
        boolean countyOfCity = county.level() == org.telereg.engine.region.Division.Level.COUNTY
                && county.code().startsWith(city.code().substring(0, 4));
        // Cities without counties (东莞, 中山, 儋州) file the city itself as the county.
        boolean cityWithoutCounties = county.code().equals(city.code());
        if (!countyOfCity && !cityWithoutCounties) {
            problems.reject(
                    "countyCode",
                    "filing.app.invalid.countyOutsideCity",
                    county + " is not in " + city,
                    county.code(),
                    city.code());
            return null;
        }
        return city.province().code();
    }

    private static PhoneNumber mobile(FieldProblems problems, String field, String text) {
        PhoneNumber phone = problems.parse(field, text, PhoneNumber::of);
        if (phone != null && phone.kind() != NumberKind.MOBILE) {
            problems.reject(field, "filing.app.invalid.notMobile", "the SMS check needs a mobile number");
            return null;
        }
        return phone;
    }

    private Proposal.ServiceProposal service(
            FieldProblems problems,
            String prefix,
            NewApplication.NewService input,
            ApplicationKind kind,
            Long subjectId,
            Set<Long> subjectServices,
            Set<String> registrants,
            Set<String> seenDomains,
            Long excluding) {
        Long targetServiceId = null;
        if (kind == ApplicationKind.CHANGE
                && input.serviceNumber() != null
                && !input.serviceNumber().isBlank()) {
            targetServiceId = targetService(problems, prefix + "serviceNumber", input.serviceNumber(), subjectServices);
        }
        ServiceKind serviceKind = problems.choice(prefix + "kind", input.kind(), ServiceKind.class);
        String name = problems.text(prefix + "name", input.name(), 200);
        List<String> domains = new ArrayList<>();
        String homeUrl = null;
        String appIdentifier = null;
        if (serviceKind == ServiceKind.WEBSITE) {
            domains = domains(
                    problems,
                    prefix + "domains",
                    input.domains(),
                    registrants,
                    seenDomains,
                    targetServiceId,
                    excluding);
            homeUrl = homeUrl(problems, prefix + "homeUrl", input.homeUrl(), domains);
        } else if (serviceKind != null) {
            appIdentifier = problems.text(prefix + "appIdentifier", input.appIdentifier(), 200);
            if (appIdentifier != null && !appIdentifier.matches("[A-Za-z0-9_.\\-]{3,200}")) {
                problems.reject(
                        prefix + "appIdentifier",
                        "filing.app.invalid.appIdentifier",
                        "not a package name or mini-program id",
                        appIdentifier);
            } else if (appIdentifier != null) {
                appDuplicate(problems, prefix + "appIdentifier", appIdentifier, targetServiceId, excluding);
            }
        }
        Map<PreApprovalItem, String> preApprovals =
                preApprovals(problems, prefix + "preApprovalItems", input.preApprovalItems());
        String contentType = problems.optionalText(prefix + "contentType", input.contentType(), 100);
        String responsibleName = problems.text(prefix + "responsibleName", input.responsibleName(), 50);
        IdCardNumber responsibleId =
                problems.parse(prefix + "responsibleIdNumber", input.responsibleIdNumber(), IdCardNumber::of);
        PhoneNumber responsiblePhone = mobile(problems, prefix + "responsiblePhone", input.responsiblePhone());
        List<String> ips = new ArrayList<>();
        List<String> ipTexts = tokens(input.ips());
        if (ipTexts.size() > MAX_IPS) {
            problems.reject(prefix + "ips", "filing.app.invalid.tooManyIps", "too many addresses", MAX_IPS);
        } else {
            for (String text : ipTexts) {
                try {
                    String address = IpAddresses.normalise(text);
                    if (!ips.contains(address)) {
                        ips.add(address);
                    }
                } catch (IllegalArgumentException e) {
                    problems.reject(prefix + "ips", "filing.app.invalid.ip", "not an IP address: " + text, text);
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Proposal.ServiceProposal(
                targetServiceId,
                serviceKind,
                name,
                List.copyOf(domains),
                homeUrl,
                appIdentifier,
                preApprovals,
                contentType,
                responsibleName,
                responsibleId.value(),
                hash.of(responsibleId.value()),
                responsiblePhone.national(),
                List.copyOf(ips));
    }

    private Long targetService(FieldProblems problems, String field, String number, Set<Long> subjectServices) {
        FilingNumber parsed = problems.parse(field, number, FilingNumber::parse);
        if (parsed == null) {
            return null;
        }
        Long id = jdbc.sql("select id from filing_service where service_number = :n and status <> 'CANCELLED'")
                .param("n", parsed.toString())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null || !subjectServices.contains(id)) {
            problems.reject(
                    field, "filing.app.invalid.notOfSubject", number + " is not a service of the subject", number);
            return null;
        }
        return id;
    }

    private List<String> domains(
            FieldProblems problems,
            String field,
            String text,
            Set<String> registrants,
            Set<String> seen,
            Long targetServiceId,
            Long excluding) {
        List<String> domains = new ArrayList<>();
        List<String> texts = tokens(text);
        if (texts.isEmpty()) {
            problems.reject(field, "filing.app.invalid.noDomain", "a website files at least one domain");
            return domains;
        }
        if (texts.size() > MAX_DOMAINS) {
            problems.reject(field, "filing.app.invalid.tooManyDomains", "too many domains", MAX_DOMAINS);
            return domains;
        }
        for (String raw : texts) {
            String domain;
            try {
                domain = DomainIndex.normalise(raw);
            } catch (IllegalArgumentException e) {
                problems.reject(field, "filing.app.invalid.domain", "not a domain name: " + raw, raw);
                continue;
            }
            if (!seen.add(domain)) {
                problems.reject(field, "filing.app.invalid.domainTwice", domain + " is listed twice", domain);
                continue;
            }
            domains.add(domain);
            Optional<Map<String, Object>> registration = registration(domain);
            if (registration.isEmpty()) {
                problems.reject(
                        field, "filing.app.invalid.domainUnknown", "no registration record of " + domain, domain);
            } else if (!registrants.contains((String) registration.get().get("registrant"))) {
                problems.reject(
                        field,
                        "filing.app.invalid.domainRegistrant",
                        domain + " is registered to someone the application does not name",
                        domain,
                        registration.get().get("registrant"));
            }
            Optional<String> filed = jdbc.sql("select s.service_number from filing_service_domain d"
                            + " join filing_service s on s.id = d.service_id"
                            + " where d.domain = :d and s.status in ('ACTIVE', 'LAPSED')"
                            + " and s.id <> :target")
                    .param("d", domain)
                    .param("target", targetServiceId == null ? -1L : targetServiceId)
                    .query(String.class)
                    .optional();
            if (filed.isPresent()) {
                problems.reject(
                        field,
                        "filing.app.invalid.domainFiled",
                        domain + " is filed as " + filed.get(),
                        domain,
                        filed.get());
                continue;
            }
            pendingElsewhere(domain, excluding)
                    .ifPresent(tracking -> problems.reject(
                            field,
                            "filing.app.invalid.domainPending",
                            domain + " is pending in " + tracking,
                            domain,
                            tracking));
        }
        return domains;
    }

    /** The registration record of the domain or, for a host name such as www.example.cn, of its parent. */
    Optional<Map<String, Object>> registration(String domain) {
        String name = domain;
        while (name.indexOf('.') > 0) {
            Optional<Map<String, Object>> found = jdbc
                    .sql("select * from filing_domain_registration where domain = :d")
                    .param("d", name)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            name = name.substring(name.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    private Optional<String> pendingElsewhere(String domain, Long excluding) {
        return jdbc
                .sql("select a.tracking_number from filing_application_domain d"
                        + " join filing_application_service s on s.id = d.application_service_id"
                        + " join filing_application a on a.id = s.application_id"
                        + " where d.domain = :d and a.status in ('SUBMITTED', 'SMS_PENDING', 'SMS_EXPIRED', 'UNDER_REVIEW')"
                        + " and a.id <> :excluding")
                .param("d", domain)
                .param("excluding", excluding == null ? -1L : excluding)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    private void appDuplicate(
            FieldProblems problems, String field, String identifier, Long targetServiceId, Long excluding) {
        Optional<String> filed = jdbc
                .sql("select service_number from filing_service where app_identifier = :a"
                        + " and status in ('ACTIVE', 'LAPSED') and id <> :target")
                .param("a", identifier)
                .param("target", targetServiceId == null ? -1L : targetServiceId)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
        if (filed.isPresent()) {
            problems.reject(
                    field,
                    "filing.app.invalid.appFiled",
                    identifier + " is filed as " + filed.get(),
                    identifier,
                    filed.get());
            return;
        }
        jdbc
                .sql(
                        "select a.tracking_number from filing_application_service s"
                                + " join filing_application a on a.id = s.application_id where s.app_identifier = :a"
                                + " and a.status in ('SUBMITTED', 'SMS_PENDING', 'SMS_EXPIRED', 'UNDER_REVIEW') and a.id <> :excluding")
                .param("a", identifier)
                .param("excluding", excluding == null ? -1L : excluding)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .ifPresent(tracking -> problems.reject(
                        field,
                        "filing.app.invalid.appPending",
                        identifier + " is pending in " + tracking,
                        identifier,
                        tracking));
    }

    private static String homeUrl(FieldProblems problems, String field, String text, List<String> domains) {
        String url = problems.optionalText(field, text, 500);
        if (url == null) {
            return domains.isEmpty() ? null : "www." + domains.get(0);
        }
        String host = url.replaceFirst("^(?i)https?://", "").replaceFirst("[/:?#].*$", "");
        String normalised;
        try {
            normalised = DomainIndex.normalise(host);
        } catch (IllegalArgumentException e) {
            problems.reject(field, "filing.app.invalid.homeUrl", "not a web address: " + url, url);
            return null;
        }
        boolean onDomain = domains.stream().anyMatch(d -> normalised.equals(d) || normalised.endsWith("." + d));
        if (!domains.isEmpty() && !onDomain) {
            problems.reject(field, "filing.app.invalid.homeUrlDomain", url + " is not on a filed domain", url);
        }
        return url;
    }

    private static Map<PreApprovalItem, String> preApprovals(FieldProblems problems, String field, String text) {
        Map<PreApprovalItem, String> items = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return items;
        }
        for (String line : text.split("[\\r\\n;]+")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[\\s:：]+", 2);
            PreApprovalItem item;
            try {
                item = PreApprovalItem.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.reject(field, "filing.app.invalid.preApprovalItem", "unknown item " + parts[0], parts[0]);
                continue;
            }
            if (parts.length < 2 || parts[1].isBlank() || parts[1].length() > 100) {
                problems.reject(
                        field,
                        "filing.app.invalid.preApprovalDocument",
                        item + " needs its approval document",
                        item.name());
                continue;
            }
            items.put(item, parts[1].strip());
        }
        return items;
    }

    /** Separates a list typed one per line or with commas, semicolons or blanks; duplicates kept for the caller. */
    static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,;，；、]+"))
                .filter(t -> !t.isBlank())
                .toList();
    }

    private static List<String> persons(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[\\r\\n;；,，、]+"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList()));
    }

    private static String blankTo(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
