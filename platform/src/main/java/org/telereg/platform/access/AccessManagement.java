package org.telereg.platform.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.ProvinceCode;

/** Organisations, users and API tokens: what the console and the other modules ask of access. */
@Service
public class AccessManagement {

    private static final String TOKEN_PREFIX = "trg_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final AccessSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    AccessManagement(
            Organisations organisations,
            UserAccounts accounts,
            ApiTokens tokens,
            PasswordEncoder passwords,
            AccessSettings settings,
            AuditTrail audit,
            Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an organisation, or returns the existing one with the same code. */
    @Transactional
    public OrganisationView createOrganisation(NewOrganisation request) {
        Optional<Organisation> existing = organisations.findByCode(request.code());
        if (existing.isPresent()) {
            return view(existing.get());
        }
        Long parentId = request.parentCode() == null
                ? null
                : organisations
                        .findByCode(request.parentCode())
                        .map(Organisation::id)
                        .orElseThrow(() ->
                                new IllegalArgumentException("unknown parent organisation " + request.parentCode()));
        Organisation saved = organisations.save(new Organisation(
                null,
                request.code(),
                request.name(),
                request.type(),
                request.provinceCode(),
                request.creditCode(),
                parentId,
                clock.instant()));
        audit.record("access", "Organisation", saved.code(), "created", null, view(saved));
        return view(saved);
    }

    /**
     * Registers an operator or access provider as typed by the ministry administrator in the
     * console. The ministry and the administrations come with the migrations.
     *
     * @throws org.telereg.platform.shared.RejectedInputException with every field problem
     */
    @Transactional
    public OrganisationView createOrganisation(Actor actor, NewOrganisation request) {
        requireAdministrator(actor);
        FieldProblems problems = new FieldProblems();
        if (request.code() == null || !request.code().matches("[A-Z0-9-]{2,64}")) {
            problems.reject("code", "access.invalid.organisationCode", "2 to 64 capital letters, digits or -");
        } else if (organisations.findByCode(request.code()).isPresent()) {
            problems.reject("code", "access.invalid.organisationCodeTaken", "already taken", request.code());
        }
        problems.text("name", request.name(), 200);
        if (request.type() != OrganisationType.OPERATOR && request.type() != OrganisationType.ACCESS_PROVIDER) {
            problems.reject("type", "access.invalid.organisationType", "operator or access provider");
        }
        ProvinceCode province = problems.parse("provinceCode", request.provinceCode(), ProvinceCode::of);
        CreditCode creditCode = problems.parse("creditCode", request.creditCode(), CreditCode::of);
        problems.throwIfAny();
        return createOrganisation(new NewOrganisation(
                request.code(), request.name().strip(), request.type(), province.code(), creditCode.value(), null));
    }

    /** Creates a console user in an existing organisation; the password is stored as a bcrypt hash. */
    @Transactional
    public UserView createUser(NewUser request) {
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new IllegalArgumentException("user " + request.username() + " exists");
        }
        Organisation organisation = organisations
                .findByCode(request.organisationCode())
                .orElseThrow(() -> new IllegalArgumentException("unknown organisation " + request.organisationCode()));
        UserAccount saved = accounts.save(new UserAccount(
                null,
                request.username(),
                passwords.encode(request.password()),
                request.displayName(),
                organisation.id(),
                request.role(),
                true,
                0,
                null,
                clock.instant()));
        UserView view = view(saved, organisation);
        audit.record("access", "User", saved.username(), "created", null, view);
        return view;
    }

    /**
     * Creates a console user from what an administrator typed in the console, checking every field.
     *
     * @throws org.telereg.platform.shared.RejectedInputException with every field problem
     */
    @Transactional
    public UserView createUser(Actor actor, NewUser request) {
        requireAdministrator(actor);
        FieldProblems problems = new FieldProblems();
        if (request.username() == null || !request.username().matches("[A-Za-z0-9_.-]{3,64}")) {
            problems.reject("username", "access.invalid.username", "3 to 64 letters, digits, _ . -");
        } else if (accounts.findByUsername(request.username()).isPresent()) {
            problems.reject("username", "access.invalid.usernameTaken", "already taken", request.username());
        }
        if (request.password() == null
                || request.password().length() < 10
                || request.password().chars().noneMatch(Character::isLetter)
                || request.password().chars().noneMatch(Character::isDigit)) {
            problems.reject("password", "access.invalid.password", "at least 10 characters with letters and digits");
        }
        problems.text("displayName", request.displayName(), 100);
        if (request.organisationCode() == null
                || organisations.findByCode(request.organisationCode()).isEmpty()) {
            problems.reject("organisationCode", "access.invalid.organisation", "unknown organisation");
        }
        if (request.role() == null) {
            problems.reject("role", "invalid.required", "is required");
        }
        problems.throwIfAny();
        return createUser(new NewUser(
                request.username(),
                request.password(),
                request.displayName().strip(),
                request.organisationCode(),
                request.role()));
    }

    /** Enables or disables a user; a disabled user cannot sign in. Administrators cannot disable themselves. */
    @Transactional
    public void setEnabled(Actor actor, long userId, boolean enabled) {
        requireAdministrator(actor);
        UserAccount account = accounts.findById(userId).orElseThrow();
        if (account.username().equals(actor.username()) && !enabled) {
            throw new IllegalArgumentException("administrators cannot disable themselves");
        }
        if (account.enabled() == enabled) {
            return;
        }
        saveAudited(account, account.withEnabled(enabled), enabled ? "enabled" : "disabled");
    }

    /** Lifts a lockout before it runs out, e.g. after the user called the help desk. */
    @Transactional
    public void unlock(Actor actor, long userId) {
        requireAdministrator(actor);
        UserAccount account = accounts.findById(userId).orElseThrow();
        if (account.lockedUntil() == null && account.failedAttempts() == 0) {
            return;
        }
        saveAudited(account, account.withSuccessfulLogin(), "unlocked");
    }

    private void saveAudited(UserAccount before, UserAccount after, String action) {
        UserAccount saved = accounts.save(after);
        Organisation organisation =
                organisations.findById(before.organisationId()).orElseThrow();
        audit.record(
                "access", "User", before.username(), action, view(before, organisation), view(saved, organisation));
    }

    private static void requireAdministrator(Actor actor) {
        if (actor.role() != Role.MINISTRY_ADMIN) {
            throw new AccessDeniedException("only the ministry administrator manages users");
        }
    }

    @Transactional(readOnly = true)
    public List<OrganisationView> organisations() {
        return organisations.findAllByOrderByTypeAscProvinceCodeAscCodeAsc().stream()
                .map(AccessManagement::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> organisation(String code) {
        return organisations.findByCode(code).map(AccessManagement::view);
    }

    @Transactional(readOnly = true)
    public List<UserView> users() {
        Map<Long, Organisation> byId = organisationsById();
        return accounts.findAllByOrderByUsernameAsc().stream()
                .map(account -> view(account, byId.get(account.organisationId())))
                .toList();
    }

    /**
     * Issues a token for one operator or access-provider organisation. A ministry administrator
     * may issue for any such organisation, an operator or access-provider user only for its own.
     */
    @Transactional
    public IssuedToken issueToken(Actor actor, long organisationId, String name) {
        Organisation organisation = organisations
                .findById(organisationId)
                .orElseThrow(() -> new IllegalArgumentException("unknown organisation " + organisationId));
        if (organisation.type() != OrganisationType.OPERATOR
                && organisation.type() != OrganisationType.ACCESS_PROVIDER) {
            throw new IllegalArgumentException("tokens are for operator and access-provider systems");
        }
        requireTokenAuthority(actor, organisationId);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ApiToken saved = tokens.save(new ApiToken(
                null,
                organisationId,
                name.strip(),
                secret.substring(0, 12),
                Hashes.sha256(secret),
                actor.username(),
                now,
                now.plus(settings.tokenValidity()),
                null,
                null,
                null));
        audit.record("access", "ApiToken", saved.id().toString(), "issued", null, view(saved, organisation));
        return new IssuedToken(saved.id(), secret, saved.expiresAt());
    }

    @Transactional
    public void revokeToken(Actor actor, long tokenId) {
        ApiToken token =
                tokens.findById(tokenId).orElseThrow(() -> new IllegalArgumentException("unknown token " + tokenId));
        requireTokenAuthority(actor, token.organisationId());
        if (token.revokedAt() != null) {
            return;
        }
        ApiToken revoked = tokens.save(token.revoked(actor.username(), clock.instant()));
        Organisation organisation =
                organisations.findById(token.organisationId()).orElseThrow();
        audit.record(
                "access",
                "ApiToken",
                token.id().toString(),
                "revoked",
                view(token, organisation),
                view(revoked, organisation));
    }

    /** The tokens the actor may manage: all for a ministry administrator, else its organisation's. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> tokens(Actor actor) {
        Map<Long, Organisation> byId = organisationsById();
        List<ApiToken> visible = actor.role() == Role.MINISTRY_ADMIN
                ? tokens.findAllByOrderByCreatedAtDesc()
                : tokens.findAllByOrganisationIdOrderByCreatedAtDesc(actor.organisationId());
        return visible.stream()
                .map(token -> view(token, byId.get(token.organisationId())))
                .toList();
    }

    /** Resolves a presented bearer token to the actor it stands for, when it is valid now. */
    @Transactional
    Optional<Actor> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(Hashes.sha256(secret))
                .filter(token -> token.usableAt(now))
                .flatMap(token -> organisations.findById(token.organisationId()).map(organisation -> {
                    tokens.markUsed(token.id(), now);
                    Role role = organisation.type() == OrganisationType.ACCESS_PROVIDER
                            ? Role.ACCESS_PROVIDER
                            : Role.OPERATOR;
                    return new Actor(
                            "token:" + token.tokenPrefix(),
                            token.name(),
                            role,
                            organisation.id(),
                            organisation.name(),
                            AccountDirectory.scopeOf(role, organisation));
                }));
    }

    private static void requireTokenAuthority(Actor actor, long organisationId) {
        boolean allowed = actor.role() == Role.MINISTRY_ADMIN
                || ((actor.role() == Role.OPERATOR || actor.role() == Role.ACCESS_PROVIDER)
                        && actor.organisationId() == organisationId);
        if (!allowed) {
            throw new AccessDeniedException("not allowed to manage tokens of organisation " + organisationId);
        }
    }

    private Map<Long, Organisation> organisationsById() {
        return organisations.findAll().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    private static OrganisationView view(Organisation organisation) {
        return new OrganisationView(
                organisation.id(),
                organisation.code(),
                organisation.name(),
                organisation.type(),
                organisation.provinceCode(),
                organisation.creditCode());
    }

    private static UserView view(UserAccount account, Organisation organisation) {
        return new UserView(
                account.id(),
                account.username(),
                account.displayName(),
                account.role(),
                organisation.id(),
                organisation.name(),
                account.enabled(),
                account.lockedUntil());
    }

    private static ApiTokenView view(ApiToken token, Organisation organisation) {
        return new ApiTokenView(
                token.id(),
                token.organisationId(),
                organisation.name(),
                token.name(),
                token.tokenPrefix(),
                token.createdBy(),
                token.createdAt(),
                token.expiresAt(),
                token.revokedAt(),
                token.lastUsedAt());
    }
}
