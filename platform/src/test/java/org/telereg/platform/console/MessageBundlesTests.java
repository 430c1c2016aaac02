package org.telereg.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.telereg.engine.identity.CreditCodeProblem;
import org.telereg.engine.identity.IdProblem;
import org.telereg.engine.numbering.PhoneProblem;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.Role;
import org.telereg.platform.entity.CompanyType;

/**
 * Every label the console shows exists in Chinese and in English: the two languages of each
 * bundle hold the same keys and placeholders, and every key a template asks for — written out or
 * computed from an enum — is defined. A missing key shows up as {@code ??key_zh_CN??} on screen.
 */
class MessageBundlesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path I18N = RESOURCES.resolve("i18n");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path SOURCES = Path.of("src/main/java");

    /** {@code #{login.title}} or {@code #{paging.summary(...)}}: a key written out in a template. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)\\s*[(}]");

    /** {@code #{'role.' + ${actor.role}}} or {@code #{'a.' + ${x} + '.text'}}: a key computed in a template. */
    private static final Pattern COMPUTED_KEY =
            Pattern.compile("#\\{'([^']*)'\\s*\\+\\s*\\$\\{([^}]*)\\}(?:\\s*\\+\\s*'([^']*)')?\\s*\\}");

    /** {@code th:each="f : ${ {'creditCode', 'name'} }"}: the values a computed key can take, listed in the template. */
    private static final Pattern INLINE_LIST =
            Pattern.compile("th:each=\"(\\w+)\\s*:\\s*\\$\\{\\s*\\{([^}]*)\\}\\s*\\}\"");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*\\}");

    /** {@code audit.record("entity", "Company", id, "created", ...)}: the action is the fourth argument. */
    private static final Pattern RECORDED_ACTION =
            Pattern.compile("\\.record\\(\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*,\\s*[^,\"]+?\\s*,\\s*\"([^\"]+)\"");

    /**
     * {@code "entity.import.noRows"}: a string literal shaped like a message code. A code built at run time
     * ({@code "invalid.phone." + problem}) ends in a dot and is checked as a key family instead.
     */
    private static final Pattern MESSAGE_CODE = Pattern.compile("\"([a-z]+)((?:\\.[\\w-]+)+)\"");

    static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyBundleFileIsRegisteredWithTheMessageSource() throws IOException {
        String configuration = Files.readString(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8);
        Matcher basename = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)").matcher(configuration);
        assertThat(basename.find())
                .as("spring.messages.basename in application.yml")
                .isTrue();
        Set<String> registered = Arrays.stream(basename.group(1).split(","))
                .map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(registered)
                .as("bundles under i18n/ that spring.messages.basename must list")
                .containsExactlyInAnyOrderElementsOf(
                        bundles().stream().map(b -> "i18n/" + b).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void englishBundleHasExactlyTheKeysOfTheChineseOne(String bundle) throws IOException {
        Map<String, String> chinese = load(bundle + ".properties");
        Map<String, String> english = load(bundle + "_en.properties");

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(difference(chinese.keySet(), english.keySet()))
                    .as("keys of %s.properties missing in %s_en.properties", bundle, bundle)
                    .isEmpty();
            softly.assertThat(difference(english.keySet(), chinese.keySet()))
                    .as("keys of %s_en.properties missing in %s.properties", bundle, bundle)
                    .isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void chineseBundleHasNoEmptyText(String bundle) throws IOException {
        Map<String, String> chinese = load(bundle + ".properties");

        assertThat(chinese.entrySet().stream()
                        .filter(entry -> entry.getValue().isBlank())
                        .map(Map.Entry::getKey))
                .as("keys of %s.properties without text", bundle)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void bothLanguagesUseTheSamePlaceholders(String bundle) throws IOException {
        Map<String, String> chinese = load(bundle + ".properties");
        Map<String, String> english = load(bundle + "_en.properties");

        Map<String, String> mismatches = new TreeMap<>();
        chinese.forEach((key, text) -> {
            if (english.containsKey(key) && !placeholders(text).equals(placeholders(english.get(key)))) {
                mismatches.put(key, text + "  <>  " + english.get(key));
            }
        });
        assertThat(mismatches)
                .as("texts of %s whose placeholders differ between Chinese and English", bundle)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void textsWithPlaceholdersHaveNoLoneApostrophe(String bundle) throws IOException {
        // MessageFormat reads a single ' as the start of a quote: "{0}'s" would print "{0}s" verbatim.
        List<String> broken = new ArrayList<>();
        for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
            load(file).forEach((key, text) -> {
                if (!placeholders(text).isEmpty() && text.replace("''", "").contains("'")) {
                    broken.add(file + ": " + key);
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void noKeyIsDefinedTwice(String bundle) throws IOException {
        Map<String, Set<String>> duplicates = new TreeMap<>();
        for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
            Set<String> twice = duplicates(file);
            if (!twice.isEmpty()) {
                duplicates.put(file, twice);
            }
        }
        assertThat(duplicates)
                .as("keys defined twice (the second silently wins)")
                .isEmpty();
    }

    @Test
    void everyKeyWrittenInATemplateExists() throws IOException {
        Set<String> defined = allKeys();
        Map<String, String> missing = new TreeMap<>();
        templates().forEach((template, html) -> {
            Matcher key = LITERAL_KEY.matcher(html);
            while (key.find()) {
                if (!defined.contains(key.group(1))) {
                    missing.put(key.group(1), template);
                }
            }
        });
        assertThat(missing)
                .as("keys used in templates but defined in no bundle")
                .isEmpty();
    }

    @Test
    void everyKeyComputedInATemplateExistsForEveryValue() throws IOException {
        Map<String, Set<String>> families = keyFamilies();
        Set<String> defined = allKeys();
        Map<String, String> missing = new TreeMap<>();
        List<String> unknownFamilies = new ArrayList<>();
        templates().forEach((template, html) -> {
            Map<String, List<String>> inlineLists = inlineLists(html);
            Matcher computed = COMPUTED_KEY.matcher(html);
            while (computed.find()) {
                String prefix = computed.group(1);
                String suffix = computed.group(3) == null ? "" : computed.group(3);
                String variable = computed.group(2).strip();
                List<String> values = inlineLists.containsKey(variable)
                        ? inlineLists.get(variable)
                        : families.containsKey(prefix) ? List.copyOf(families.get(prefix)) : null;
                if (values == null) {
                    unknownFamilies.add(template + ": " + computed.group());
                    continue;
                }
                for (String value : values) {
                    String key = prefix + value + suffix;
                    if (!defined.contains(key)) {
                        missing.put(key, template);
                    }
                }
            }
        });
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(unknownFamilies)
                    .as("computed keys whose values this test does not know: add the family to keyFamilies()")
                    .isEmpty();
            softly.assertThat(missing).as("computed keys without a text").isEmpty();
        });
    }

    @Test
    void everyRoleTypeAndInputProblemHasATextInBothLanguages() throws IOException {
        Map<String, String> chinese = new TreeMap<>();
        Map<String, String> english = new TreeMap<>();
        for (String bundle : bundles()) {
            chinese.putAll(load(bundle + ".properties"));
            english.putAll(load(bundle + "_en.properties"));
        }
        List<String> missing = new ArrayList<>();
        keyFamilies()
                .forEach((prefix, values) -> values.forEach(value -> {
                    if (!chinese.containsKey(prefix + value)) {
                        missing.add(prefix + value + " (zh)");
                    }
                    if (!english.containsKey(prefix + value)) {
                        missing.add(prefix + value + " (en)");
                    }
                }));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageCodeWrittenInTheJavaSourcesHasAText() throws IOException {
        Set<String> defined = allKeys();
        // A code is a string literal that starts like some key does: "entity.import.noRows", not "org.telereg".
        Set<String> firstSegments =
                defined.stream().map(key -> key.substring(0, key.indexOf('.'))).collect(Collectors.toSet());
        Set<String> codes = new TreeSet<>();
        for (String source : javaSources()) {
            Matcher literal = MESSAGE_CODE.matcher(source);
            while (literal.find()) {
                if (firstSegments.contains(literal.group(1))) {
                    codes.add(literal.group(1) + literal.group(2));
                }
            }
        }
        assertThat(codes).as("message codes in the sources").contains("invalid.required", "access.tokens.revoked");
        assertThat(difference(codes, defined))
                .as("codes that problems, flash messages and API errors use but no bundle defines")
                .isEmpty();
    }

    /** The keys built as prefix + value, with every value they can take. */
    private static Map<String, Set<String>> keyFamilies() throws IOException {
        Map<String, Set<String>> families = new LinkedHashMap<>();
        families.put("role.", names(Role.values()));
        families.put("access.type.", names(OrganisationType.values()));
        families.put("entity.type.", names(CompanyType.values()));
        families.put("antifraud.status.", names(org.telereg.platform.antifraud.CaseStatus.values()));
        families.put("number.kind.", names(org.telereg.engine.numbering.NumberKind.values()));
        families.put("number.carrier.", names(org.telereg.engine.numbering.Carrier.values()));
        families.put("spam.category.", names(org.telereg.platform.spam.ReportCategory.values()));
        families.put("spam.status.", names(org.telereg.platform.spam.ReportStatus.values()));
        families.put("spam.answer.", names(org.telereg.platform.spam.OperatorAnswer.values()));
        families.put("spam.channel.", names(org.telereg.platform.spam.ReportChannel.values()));
        families.put("spam.screening.", Set.of("normal", "ad", "fraud"));
        families.put(
                "antifraud.feature.",
                java.util.stream.Stream.concat(
                                java.util.Arrays.stream(org.telereg.engine.fraud.Feature.values())
                                        .map(org.telereg.engine.fraud.Feature::code),
                                // The reasons of a suspect raised by citizens' reports (antifraud.ReportedSenders).
                                java.util.stream.Stream.of("reports_12321", "fraud_reports_12321"))
                        .collect(java.util.stream.Collectors.toSet()));
        families.put("appeals.status.", names(org.telereg.platform.appeals.AppealStatus.values()));
        families.put("appeals.subject.", names(org.telereg.platform.appeals.AppealSubject.values()));
        families.put("appeals.category.", names(org.telereg.platform.appeals.AppealSubject.Category.values()));
        families.put("appeals.contact.", names(org.telereg.platform.appeals.OperatorContact.values()));
        families.put("appeals.outcome.", names(org.telereg.platform.appeals.Outcome.values()));
        families.put("appeals.rating.", Set.of("1", "2", "3", "4", "5"));
        families.put("appeals.channel.", names(org.telereg.platform.appeals.AppealChannel.values()));
        families.put("calendar.kind.", names(org.telereg.platform.calendar.DayKind.values()));
        families.put("credit.list.", names(org.telereg.platform.credit.CreditList.values()));
        families.put("credit.status.", names(org.telereg.platform.credit.CreditRecordView.Status.values()));
        families.put("credit.reason.", names(org.telereg.platform.credit.CreditRegistry.ManualReason.values()));
        // The record types a credit entry can come from (CreditEvent.Source.type).
        families.put("credit.source.", Set.of("Decision", "AnnualReport", "Licence", "AppealRate", "FraudNumbers"));
        families.put("licensing.status.", names(org.telereg.platform.licensing.ApplicationStatus.values()));
        families.put("licensing.licenceStatus.", names(org.telereg.platform.licensing.LicenceStatus.values()));
        families.put("licensing.reportStatus.", names(org.telereg.platform.licensing.AnnualReportStatus.values()));
        families.put("licensing.window.", names(org.telereg.platform.licensing.AnnualReports.Window.values()));
        families.put("licensing.category.", names(org.telereg.platform.licensing.ServiceCategory.values()));
        families.put("licensing.change.", names(org.telereg.platform.licensing.LicenceRegistry.ChangeField.values()));
        families.put("licensing.event.", Set.of("GRANTED", "CHANGED", "RENEWED", "CANCELLED", "REVOKED"));
        families.put("licensing.reminder.", Set.of("RENEWAL", "ANNUAL_REPORT"));
        families.put("licensing.partyRole.", names(org.telereg.platform.credit.GateParty.Role.values()));
        families.put("numbering.kind.", names(org.telereg.platform.numbering.AllocationKind.values()));
        families.put("numbering.invalid.prefix.", names(org.telereg.platform.numbering.AllocationKind.values()));
        families.put("numbering.status.", names(org.telereg.platform.numbering.PortStatus.values()));
        families.put("numbering.refusal.", names(org.telereg.platform.numbering.DonorRefusal.values()));
        families.put("numbering.reason.", names(org.telereg.platform.numbering.Ineligibility.values()));
        families.put("antifraud.batch.status.", names(org.telereg.platform.antifraud.BatchStatus.values()));
        families.put("realname.documentType.", names(org.telereg.platform.realname.DocumentType.values()));
        families.put("realname.status.", names(org.telereg.platform.realname.SubscriberStatus.values()));
        families.put("realname.verificationStatus.", names(org.telereg.platform.realname.VerificationStatus.values()));
        families.put("realname.inspectionStatus.", names(org.telereg.platform.realname.InspectionStatus.values()));
        families.put("industry.status.", names(org.telereg.platform.industry.ReportStatus.values()));
        families.put("industry.kind.", names(org.telereg.platform.industry.MetricKind.values()));
        families.put("industry.frequency.", names(org.telereg.platform.industry.Frequency.values()));
        families.put("industry.channel.", names(org.telereg.platform.industry.OperatorReports.Channel.values()));
        families.put("industry.flags.basis.", names(org.telereg.platform.industry.AnomalyFlag.Basis.values()));
        // The steps OperatorReports records and the flash messages of its console controller.
        families.put("industry.step.", Set.of("DRAFT_SAVED", "SUBMITTED", "RESUBMITTED", "ACCEPTED", "RETURNED"));
        families.put("industry.done.", Set.of("saved", "submitted", "uploaded", "accepted", "returned", "assigned"));
        families.put("broadband.technology.", names(org.telereg.engine.broadband.Technology.values()));
        families.put("broadband.implausibility.", names(org.telereg.engine.broadband.Implausibility.values()));
        // The fields a broadband import names in its problems (MeasurementImport).
        families.put(
                "broadband.field.",
                Set.of("batchId", "format", "panelDate", "division", "operator", "technology", "file"));
        // Declared vs measured and challenges (broadband's SpeedChallenges and its pages).
        families.put("challenges.status.", names(org.telereg.platform.broadband.ChallengeStatus.values()));
        families.put("challenges.kind.", names(org.telereg.platform.broadband.ChallengeKind.values()));
        families.put("challenges.access.", names(org.telereg.platform.broadband.AccessClass.values()));
        families.put("challenges.technology.", names(org.telereg.platform.broadband.CoverageTechnology.values()));
        families.put("challenges.share.", Set.of("COVERAGE_5G", "COVERAGE_FTTH"));
        families.put("challenges.step.", Set.of("OPENED", "CONCEDED", "REBUTTED", "UPHELD", "DISMISSED", "OVERDUE"));
        families.put("challenges.done.", Set.of("conceded", "rebutted", "decided"));
        families.put("challenges.coverage.", Set.of("DECLARED", "ALREADY_DECLARED"));
        families.put("interconnect.kind.", names(org.telereg.platform.interconnect.PointKind.values()));
        families.put("interconnect.regime.", names(org.telereg.platform.interconnect.Regime.values()));
        families.put("interconnect.status.", names(org.telereg.platform.interconnect.TaskStatus.values()));
        // The steps ExpansionTasks records and the flash messages of its console controller.
        families.put("interconnect.step.", Set.of("OPENED", "EXPANDED", "VERIFIED", "OVERDUE"));
        families.put(
                "interconnect.done.", Set.of("pointAdded", "linkAdded", "capacityChanged", "expanded", "verified"));
        families.put("universal.status.", names(org.telereg.platform.universal.BuildStatus.values()));
        families.put("universal.plan.", names(org.telereg.platform.universal.Plan.values()));
        families.put("universal.place.", names(org.telereg.platform.universal.PlaceKind.values()));
        families.put("universal.reason.noSignal.", names(org.telereg.platform.universal.PlaceKind.values()));
        // The steps PilotVillages and Acceptances record on a village's timeline.
        families.put(
                "universal.step.",
                Set.of("ASSIGNED", "IMPORTED", "CHANGED", "PROGRESS", "ACCEPTED", "FAILED_ACCEPTANCE"));
        families.put(
                "universal.report.",
                Set.of(
                        "batch",
                        "province",
                        "villages",
                        "accepted",
                        "population",
                        "populationCovered",
                        "construction",
                        "operation",
                        "compensation",
                        "payable"));
        families.put("tariffs.kind.", names(org.telereg.platform.tariffs.PlanKind.values()));
        families.put("tariffs.status.", names(org.telereg.platform.tariffs.PlanStatus.values()));
        // The filing outcomes and the target form's flash message (tariffs' console controller).
        families.put("tariffs.done.", Set.of("CREATED", "CHANGED", "UNCHANGED", "targetSaved"));
        families.put("filing.kind.", names(org.telereg.platform.filing.ServiceKind.values()));
        families.put("filing.serviceStatus.", names(org.telereg.platform.filing.ServiceStatus.values()));
        families.put("filing.change.", names(org.telereg.platform.filing.FilingChanged.Change.values()));
        families.put("filing.app.status.", names(org.telereg.platform.filing.ApplicationStatus.values()));
        families.put("filing.app.kind.", names(org.telereg.platform.filing.ApplicationKind.values()));
        families.put("filing.app.channel.", names(org.telereg.platform.filing.ApplicationChannel.values()));
        families.put("filing.sponsor.nature.", names(org.telereg.platform.filing.SponsorNature.values()));
        families.put("filing.certificate.type.", names(org.telereg.platform.filing.CertificateType.values()));
        families.put("filing.certificate.invalid.", names(org.telereg.platform.filing.CertificateType.values()));
        families.put("filing.app.preApproval.", names(org.telereg.platform.filing.PreApprovalItem.values()));
        families.put("filing.app.check.", names(org.telereg.platform.filing.CheckItem.values()));
        // The steps of FilingApplications' timeline.
        families.put(
                "filing.app.step.",
                Set.of(
                        "SUBMITTED",
                        "VERIFIED",
                        "RETURNED",
                        "SMS_RESENT",
                        "SMS_CONFIRMED",
                        "SMS_EXPIRED",
                        "SMS_ATTEMPTS",
                        "APPROVED",
                        "REJECTED",
                        "CANCEL_REQUESTED",
                        "RESUBMITTED"));
        families.put("filing.app.field.", org.telereg.platform.filing.ApplicationStep.CHANGED_FIELD_LABELS);
        families.put("filing.ip.use.", names(org.telereg.platform.filing.IpUse.values()));
        families.put("filing.blacklist.kind.", names(org.telereg.platform.filing.BlacklistKind.values()));
        families.put("filing.blacklist.category.", names(org.telereg.platform.filing.BlacklistCategory.values()));
        families.put("filing.blacklist.invalid.target.", names(org.telereg.platform.filing.BlacklistKind.values()));
        families.put("filing.ip.status.", Set.of("ACTIVE", "WITHDRAWN"));
        families.put("filing.ip.done.", Set.of("filed", "withdrawn"));
        families.put("filing.blacklist.status.", Set.of("ACTIVE", "LIFTED"));
        families.put("filing.blacklist.severity.", Set.of("1", "2", "3"));
        families.put("filing.blacklist.severityMeaning.", Set.of("1", "2", "3"));
        families.put("filing.blacklist.done.", Set.of("listed", "severityChanged", "lifted"));
        families.put("filing.hosting.kind.", names(org.telereg.platform.filing.HostingFindingKind.values()));
        families.put("filing.task.status.", names(org.telereg.platform.filing.FilingTaskStatus.values()));
        families.put("filing.task.answer.", names(org.telereg.platform.filing.FilingTaskAnswer.values()));
        families.put("filing.task.assignee.", names(org.telereg.platform.filing.HostingFindingKind.Assignee.values()));
        families.put("filing.task.rule.", names(org.telereg.platform.filing.HostingFindingKind.Assignee.values()));
        // The task timeline's steps: the answers, the officer's decisions, opening and lapse (FilingTasks).
        families.put(
                "filing.task.step.",
                Set.of(
                        "OPENED",
                        "REMOVED",
                        "FILED",
                        "CANCELLED",
                        "REFILED",
                        "DISPUTED",
                        "CONFIRMED",
                        "REOPENED",
                        "OVERDUE",
                        "RESOLVED"));
        families.put("filing.task.resolution.", names(org.telereg.platform.filing.FilingTaskResolution.values()));
        families.put("filing.task.done.", Set.of("answered", "closed", "reopened"));
        families.put("filing.register.by.", names(org.telereg.platform.filing.FilingQuery.By.values()));
        families.put("filing.register.tab.", Set.of("filings", "apps", "blacklist"));
        families.put("filing.register.box.", Set.of("filings", "apps", "blacklist"));
        families.put("filing.register.hint.", Set.of("filings", "apps", "blacklist"));
        families.put("filing.register.targetKind.", Set.of("DOMAIN", "APP", "IP"));
        families.put("filing.webhook.status.", Set.of("ACTIVE", "SUSPENDED"));
        families.put("filing.webhook.delivery.", Set.of("PENDING", "DELIVERED", "FAILED"));
        families.put("filing.webhook.done.", Set.of("suspended", "resumed", "deleted", "redelivered"));
        families.put("filing.webhook.invalid.", Set.of("url", "scheme", "unresolved", "address", "tooMany"));
        // netsec N1: protection management.
        families.put("netsec.unit.kind.", names(org.telereg.platform.netsec.UnitKind.values()));
        families.put("netsec.unit.status.", names(org.telereg.platform.netsec.GradingStatus.values()));
        families.put("netsec.unit.overdue.kind.", names(org.telereg.platform.netsec.ProtectionOverdue.Kind.values()));
        families.put(
                "netsec.unit.step.",
                Set.of(
                        "UNIT_REGISTERED",
                        "GRADED",
                        "FILED",
                        "FILED_LATE",
                        "APPROVED",
                        "RETURNED",
                        "ASSESSMENT_SUBMITTED",
                        "ASSESSMENT_ACCEPTED",
                        "ASSESSMENT_RETURNED",
                        "RECTIFIED"));
        families.put("netsec.assessment.kind.", names(org.telereg.platform.netsec.AssessmentKind.values()));
        families.put("netsec.assessment.status.", names(org.telereg.platform.netsec.AssessmentStatus.values()));
        families.put("netsec.assessment.severity.", names(org.telereg.platform.netsec.FindingSeverity.values()));
        families.put("invalid.idCard.", names(IdProblem.values()));
        families.put("invalid.creditCode.", names(CreditCodeProblem.values()));
        families.put("invalid.phone.", names(PhoneProblem.values()));
        // The reasons of AuditVerification.Break.
        families.put("audit.break.", Set.of("content-altered", "link-broken", "row-missing", "tail-missing"));
        // N2 netsec incidents and warnings.
        families.put("netsec.incident.type.", names(org.telereg.platform.netsec.IncidentType.values()));
        families.put("netsec.incident.level.", names(org.telereg.platform.netsec.IncidentLevel.values()));
        families.put("netsec.incident.response.", names(org.telereg.platform.netsec.IncidentLevel.values()));
        families.put("netsec.incident.status.", names(org.telereg.platform.netsec.IncidentStatus.values()));
        families.put("netsec.incident.step.", names(org.telereg.platform.netsec.ResponseStep.values()));
        // The time line's entry kinds (netsec_incident_entry.entry_kind).
        families.put(
                "netsec.incident.entry.",
                Set.of(
                        "REPORT",
                        "UPDATE",
                        "DECISION",
                        "LEVEL",
                        "CHECK",
                        "DUTY",
                        "TASK",
                        "TASK_DONE",
                        "ATTACHMENT",
                        "FINAL_REPORT",
                        "CLOSED"));
        families.put(
                "netsec.incident.done.",
                Set.of(
                        "reported",
                        "entryAdded",
                        "levelOverridden",
                        "ticked",
                        "taskAdded",
                        "taskDone",
                        "attached",
                        "finalReport",
                        "closed"));
        families.put("netsec.warning.colour.", names(org.telereg.platform.netsec.WarningColour.values()));
        families.put("netsec.warning.status.", names(org.telereg.platform.netsec.WarningStatus.values()));
        families.put("netsec.warning.action.", Set.of("ISSUED", "UPDATED", "LIFTED"));
        families.put("netsec.warning.done.", Set.of("issued", "updated", "lifted"));
        // netsec: major-event assurance and threat intelligence (AssurancePlans, ThreatIndicators, ThreatTasks).
        families.put("netsec.assurance.level.", names(org.telereg.platform.netsec.AssuranceLevel.values()));
        families.put("netsec.assurance.status.", names(org.telereg.platform.netsec.AssuranceStatus.values()));
        families.put("netsec.assurance.shift.", names(org.telereg.platform.netsec.DutyShift.values()));
        families.put("netsec.assurance.cell.", names(org.telereg.platform.netsec.AssuranceReportGrid.Cell.values()));
        families.put("netsec.assurance.done.", Set.of("created", "dutyAdded", "reported"));
        families.put("netsec.threat.kind.", names(org.telereg.platform.netsec.ThreatKind.values()));
        families.put("netsec.threat.category.", names(org.telereg.platform.netsec.ThreatCategory.values()));
        families.put("netsec.threat.status.", names(org.telereg.platform.netsec.ThreatStatus.values()));
        families.put("netsec.threat.change.", names(org.telereg.platform.netsec.ThreatChangeKind.values()));
        families.put("netsec.threat.task.status.", names(org.telereg.platform.netsec.ThreatTaskStatus.values()));
        families.put("netsec.threat.answer.", names(org.telereg.platform.netsec.ThreatTaskAnswer.values()));
        families.put("netsec.threat.step.", Set.of("opened", "answered", "returned", "closed"));
        families.put("netsec.threat.done.", Set.of("withdrawn", "answered", "closed", "returned"));
        // The reasons ThreatRules gives for an indicator that is not of its kind.
        families.put(
                "netsec.threat.invalid.",
                Set.of("domain", "ip", "cidr", "cidrTooWide", "cidrHostBits", "url", "hashDigits", "hashLength"));
        // The file-level problems of every importer that reads its CSV through shared.CsvColumns.
        for (String importer : List.of("universal.import.", "netsec.threat.import.", "netsec.app.import.")) {
            families.put(importer, org.telereg.platform.shared.CsvColumns.PROBLEMS);
        }
        families.put("audit.action.", recordedAuditActions());
        // netsec N4: App governance (AppRule, listed Apps, takedowns, flash messages, the fields item.html names).
        families.put("netsec.app.rule.", names(org.telereg.platform.netsec.AppRule.values()));
        families.put("netsec.app.item.status.", names(org.telereg.platform.netsec.AppNoticeItemStatus.values()));
        families.put("netsec.app.takedown.status.", names(org.telereg.platform.netsec.TakedownStatus.values()));
        families.put(
                "netsec.app.done.",
                Set.of("batchCreated", "noticePublished", "answered", "fixed", "takenDown", "confirmed"));
        families.put(
                "netsec.app.field.",
                Set.of(
                        "version",
                        "answer",
                        "deadline",
                        "checkedOn",
                        "fixed",
                        "stores",
                        "note",
                        "confirmedOn",
                        "takedown"));
        return families;
    }

    /** The actions modules pass to {@code AuditTrail.record}, as written in the main sources. */
    private static Set<String> recordedAuditActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        for (String source : javaSources()) {
            Matcher call = RECORDED_ACTION.matcher(source);
            while (call.find()) {
                actions.add(call.group(1));
            }
        }
        // Guards the pattern itself: if it stopped matching, the family would be empty and pass.
        assertThat(actions).as("audit actions found in the sources").contains("created", "updated");
        return actions;
    }

    private static Map<String, List<String>> inlineLists(String html) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Matcher list = INLINE_LIST.matcher(html);
        while (list.find()) {
            lists.put(
                    list.group(1),
                    Arrays.stream(list.group(2).split(","))
                            .map(value -> value.strip().replace("'", ""))
                            .toList());
        }
        return lists;
    }

    private static Set<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            indexes.add(Integer.parseInt(placeholder.group(1)));
        }
        return indexes;
    }

    private static Set<String> difference(Set<String> all, Set<String> without) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(without);
        return rest;
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(bundle + ".properties").keySet());
        }
        return keys;
    }

    private static Map<String, String> load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(I18N.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return texts;
    }

    private static Set<String> duplicates(String file) throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (!seen.add((String) key)) {
                    twice.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (Reader reader = Files.newBufferedReader(I18N.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return twice;
    }

    private static Map<String, String> templates() throws IOException {
        Map<String, String> templates = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                templates.put(TEMPLATES.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(templates).as("templates under %s", TEMPLATES).isNotEmpty();
        return templates;
    }

    private static List<String> javaSources() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }
}
