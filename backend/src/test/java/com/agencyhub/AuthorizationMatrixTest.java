package com.agencyhub;

import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.AgencyWorld;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ContractOperations;
import com.agencyhub.testsupport.ContractOperations.Operation;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import com.agencyhub.testsupport.db.AgencySnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.shared.security.Role.AGENCY_ADMIN;
import static com.agencyhub.shared.security.Role.AGENCY_MANAGER;
import static com.agencyhub.shared.security.Role.CLIENT_VIEWER;
import static com.agencyhub.shared.security.Role.SOCIAL_MEDIA_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the contract, called by every kind of caller, answers what the role table says: the same table
 * as "Who may do what" in docs/members-and-access.md. An operation without a row fails the test; a refused write
 * leaves both agencies' rows exactly as they were (compared row by row in the database).
 *
 * <p>Each operation gets a fresh agency A ({@link AgencyWorld}: one of everything, and a person who is also admin
 * of agency B), so that no earlier call changes what a later one finds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ApiTest {

    /** Who calls. Roles are those of their member record in the agency the request is for. */
    enum Caller {
        A_ADMIN(AGENCY_ADMIN), A_MANAGER(AGENCY_MANAGER), A_SOCIAL_MEDIA_MANAGER(SOCIAL_MEDIA_MANAGER),
        A_CLIENT_IN_SCOPE(CLIENT_VIEWER), A_CLIENT_OUT_OF_SCOPE(CLIENT_VIEWER),
        B_ADMIN(AGENCY_ADMIN), B_MANAGER(AGENCY_MANAGER), B_SOCIAL_MEDIA_MANAGER(SOCIAL_MEDIA_MANAGER),
        B_CLIENT(CLIENT_VIEWER),
        /** social-media manager in A and admin in B, one token listing both, the header naming A or B, or none */
        BOTH_ACTING_FOR_A(SOCIAL_MEDIA_MANAGER), BOTH_ACTING_FOR_B(AGENCY_ADMIN), BOTH_NAMING_NO_AGENCY(null),
        PLATFORM_ADMIN(null), ORGANIZATION_MEMBER_WITHOUT_RECORD(null), DEACTIVATED_MEMBER(null), NO_TOKEN(null);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }

        boolean foreign() {
            return name().startsWith("B_") || this == BOTH_ACTING_FOR_B;
        }
    }

    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND, UNAUTHORIZED }

    /**
     * What client users of the brand get: nothing, its data in scope (404 out of scope), 404 always, their own list,
     * or the brand's data only with a permission per brand that the world's client user does not hold (403 in
     * scope, 404 out of scope; PostsApiTest covers holders).
     */
    enum ClientAccess { NONE, IN_SCOPE, HIDDEN, OWN_LIST, WITH_PERMISSION }

    /**
     * One operation's rule. {@code staff}: the staff roles it allows on agency A's objects; {@code alsoAdmitted}:
     * roles the path admits that a finer rule refuses for the test's target (their foreign calls get 404).
     * {@code owners}: callers allowed because the test's target is theirs (the others that the path admits get 404);
     * {@code bodyNamesA}: the request body names an object of agency A, so foreign callers get 404 as for a path;
     * {@code open}: needs no token, every caller gets the same answer; {@code othersForbidden}: the target is visible
     * to the admitted callers who are not its owners, so they get 403 rather than 404.
     */
    record Rule(Set<Role> staff, ClientAccess client, Set<Role> alsoAdmitted, boolean platform, boolean anyone,
                Set<Caller> owners, boolean bodyNamesA, boolean open, boolean othersForbidden) {

        Rule(Set<Role> staff, ClientAccess client, Set<Role> alsoAdmitted, boolean platform, boolean anyone) {
            this(staff, client, alsoAdmitted, platform, anyone, Set.of(), false, false);
        }

        Rule(Set<Role> staff, ClientAccess client, Set<Role> alsoAdmitted, boolean platform, boolean anyone,
             Set<Caller> owners, boolean bodyNamesA, boolean open) {
            this(staff, client, alsoAdmitted, platform, anyone, owners, bodyNamesA, open, false);
        }
    }

    private static final Set<Role> ALL_STAFF = EnumSet.of(AGENCY_ADMIN, AGENCY_MANAGER, SOCIAL_MEDIA_MANAGER);
    private static final Set<Role> ADMIN = EnumSet.of(AGENCY_ADMIN);
    private static final Set<Role> ADMIN_MANAGER = EnumSet.of(AGENCY_ADMIN, AGENCY_MANAGER);

    /** The role table; docs/members-and-access.md shows the same. */
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        anyone("getMe");
        platform("listAgencies", "createAgency", "getAgency");
        staff(ALL_STAFF, ClientAccess.NONE, "listMembers", "getMember", "getDueTimes", "getBusinessTimeBetween",
                "getOwnAgency", "getBrandReadiness", "getGuidelinesDraft", "acknowledgeGuidelineVersion");
        staff(ADMIN, ClientAccess.NONE, "inviteStaffMember", "updateMember", "deactivateMember", "reactivateMember",
                "updateOwnAgency", "listAuditEvents", "exportBrand");
        RULES.put("resendInvitation", new Rule(ADMIN, ClientAccess.NONE, EnumSet.of(AGENCY_MANAGER), false, false));
        staff(ADMIN_MANAGER, ClientAccess.NONE, "inviteClientUser", "replaceClientBrandScope", "replaceBrandTeam",
                "createStrategyDraft", "replaceStrategyDraft", "approveStrategyDraft", "createBrand", "updateBrand",
                "changeBrandStatus", "createGuidelinesDraft", "replaceGuidelinesDraft", "publishGuidelinesDraft");
        staff(ALL_STAFF, ClientAccess.IN_SCOPE, "getBrandTeam", "getApprovedStrategy", "listStrategyVersions",
                "getStrategyVersion", "getBrand", "getCurrentGuidelines",
                "listGuidelineVersions", "getGuidelineVersion", "getGuidelinesSlaPolicies");
        // the contract's diff example compares version 1 with 2, which is the open draft here: clients never see it
        staff(ALL_STAFF, ClientAccess.HIDDEN, "getStrategyDraft", "diffStrategyVersions");
        staff(ALL_STAFF, ClientAccess.OWN_LIST, "listBrands", "listPosts");
        staff(ALL_STAFF, ClientAccess.IN_SCOPE, "listBrandPosts", "getPost", "listPostEvents");
        staff(ALL_STAFF, ClientAccess.NONE, "createPost", "updatePost", "recordPostPublication", "importBrandPosts");
        staff(ALL_STAFF, ClientAccess.WITH_PERMISSION, "transitionPost");
        staff(ALL_STAFF, ClientAccess.NONE, "getBrandPlanAdherence", "listPlanAdherence");
        staff(ALL_STAFF, ClientAccess.IN_SCOPE, "exportBrandPosts");
        staff(ALL_STAFF, ClientAccess.OWN_LIST, "exportPosts");
        staff(ADMIN, ClientAccess.IN_SCOPE, "listBrandAuditEvents");
        staff(ALL_STAFF, ClientAccess.OWN_LIST, "listCalendarFeeds");
        RULES.put("createCalendarFeed", new Rule(ALL_STAFF, ClientAccess.IN_SCOPE, Set.of(), false, false, Set.of(),
                true, false));
        // the world's feed belongs to its social-media manager: they and agency admins manage it, nobody else sees it
        for (String operation : List.of("getCalendarFeed", "revokeCalendarFeed")) {
            RULES.put(operation, new Rule(ADMIN, ClientAccess.HIDDEN, EnumSet.of(AGENCY_MANAGER, SOCIAL_MEDIA_MANAGER),
                    false, false, EnumSet.of(Caller.A_SOCIAL_MEDIA_MANAGER), false, false));
        }
        RULES.put("readCalendarFeed", new Rule(Set.of(), ClientAccess.NONE, Set.of(), false, false, Set.of(), false,
                true));
        // response-time reports: clients read their brands' (without responders), the agency's is for staff
        staff(ALL_STAFF, ClientAccess.IN_SCOPE, "getBrandResponseTimes", "exportBrandResponseTimes",
                "getBrandResponseTimesPdf");
        staff(ALL_STAFF, ClientAccess.NONE, "getAgencyResponseTimes");
        // hours reports: a brand's for admins and managers (its client users where the brand shares it), the
        // members' for staff (social-media managers get their own row), the agency's margins for admins
        staff(ADMIN_MANAGER, ClientAccess.IN_SCOPE, "getBrandHoursReport", "exportBrandHoursReport",
                "getBrandHoursReportPdf");
        staff(ALL_STAFF, ClientAccess.NONE, "getMemberHoursReport");
        staff(ADMIN, ClientAccess.NONE, "getAgencyHoursReport");
        // the roster is the agency's own planning: staff read it, admins and managers plan it
        staff(ALL_STAFF, ClientAccess.NONE, "listRosterRotations", "getRosterRotation", "listRosterOverrides",
                "getRosterOverride", "listAbsences", "getAbsence", "createAbsence", "getOnDuty", "getRosterTimeline",
                "getBrandRosterCoverage", "listRosterCoverage", "listRosterShifts", "getRosterLoad",
                "listRosterChanges");
        staff(ADMIN_MANAGER, ClientAccess.NONE, "deleteRosterRotation", "decideAbsence");
        // notifications: staff read them (social-media managers their own); admins manage the agency's webhooks
        staff(ALL_STAFF, ClientAccess.NONE, "listNotifications");
        staff(ADMIN, ClientAccess.NONE, "listNotificationWebhooks", "createNotificationWebhook",
                "deleteNotificationWebhook");
        // the examples name Alpenmilch, which must be the world's brand: another agency's brand is a 404
        for (String operation : List.of("createRosterRotation", "replaceRosterRotation")) {
            RULES.put(operation, new Rule(ADMIN_MANAGER, ClientAccess.NONE, Set.of(), false, false, Set.of(), true,
                    false));
        }
        // social-media managers take shifts over themselves and swap their own; the examples name other people
        for (String operation : List.of("createRosterOverride", "createRosterSwap")) {
            RULES.put(operation, new Rule(ADMIN_MANAGER, ClientAccess.NONE, EnumSet.of(SOCIAL_MEDIA_MANAGER), false,
                    false, Set.of(), true, false));
        }
        // the world's override and absence are its social-media manager's; other staff see them but may not undo them
        for (String operation : List.of("deleteRosterOverride", "cancelAbsence")) {
            RULES.put(operation, new Rule(ADMIN_MANAGER, ClientAccess.NONE, EnumSet.of(SOCIAL_MEDIA_MANAGER), false,
                    false, EnumSet.of(Caller.A_SOCIAL_MEDIA_MANAGER), false, false, true));
        }
        // pricing: staff read the activity catalogue, admins and managers edit it; rates include cost: admins only
        staff(ALL_STAFF, ClientAccess.NONE, "listActivities", "getActivity");
        staff(ADMIN_MANAGER, ClientAccess.NONE, "createActivity", "updateActivity");
        staff(ADMIN, ClientAccess.NONE, "listRates", "getRate", "updateRate", "deleteRate", "resolveRates",
                "getSurcharges", "replaceSurcharges", "getPricingSettings", "replacePricingSettings");
        // the example names Alpenmilch, which must be the world's brand: another agency's brand is a 404
        RULES.put("createRate", new Rule(ADMIN, ClientAccess.NONE, Set.of(), false, false, Set.of(), true, false));
        // the inbox is the agency's work: staff ingest, read and act; the webhook is the admins'; tools sign deliveries
        staff(ALL_STAFF, ClientAccess.NONE, "listBrandInteractions", "ingestInteraction", "ingestInteractionBatch",
                "listInteractions", "getInteraction", "listInteractionEvents", "recordInteractionReply",
                "resolveInteraction", "reopenInteraction", "startWaitingOnInteraction", "resumeInteraction",
                "assignInteraction");
        staff(ADMIN, ClientAccess.NONE, "getInboxWebhook", "rotateInboxWebhook");
        RULES.put("receiveInboxWebhook", new Rule(Set.of(), ClientAccess.NONE, Set.of(), false, false, Set.of(),
                false, true));
        // contracts and quotes are the agency's business with the brand: admins and managers; the quote's parameters
        // are set by admins only
        staff(ADMIN_MANAGER, ClientAccess.NONE, "listContracts", "createContract", "getContract",
                "updateContract", "deleteContract", "activateContract", "endContract", "getQuote", "quoteWhatIf");
        staff(ADMIN_MANAGER, ClientAccess.NONE, "getQuoteSettings");
        staff(ADMIN, ClientAccess.NONE, "replaceQuoteSettings");
    }

    static {
        // hours: staff book their own time (the world's entry is its social-media manager's), admins and managers
        // anyone's; closed months are corrected and duty is booked by admins and managers, months closed by admins
        staff(ALL_STAFF, ClientAccess.NONE, "listTimeEntries", "getTimer", "stopTimer", "discardTimer",
                "listClosedMonths", "getDutyBilling");
        // the examples name Alpenmilch, which must be the world's brand: another agency's brand is a 404
        for (String operation : List.of("createTimeEntry", "startTimer")) {
            RULES.put(operation, new Rule(ALL_STAFF, ClientAccess.NONE, Set.of(), false, false, Set.of(), true,
                    false));
        }
        for (String operation : List.of("getTimeEntry", "updateTimeEntry", "deleteTimeEntry")) {
            RULES.put(operation, new Rule(ADMIN_MANAGER, ClientAccess.NONE, EnumSet.of(SOCIAL_MEDIA_MANAGER), false,
                    false, EnumSet.of(Caller.A_SOCIAL_MEDIA_MANAGER), false, false));
        }
        staff(ADMIN_MANAGER, ClientAccess.NONE, "createTimeEntryAdjustment", "replaceDutyBilling", "deleteDutyBilling",
                "bookDuty");
        staff(ADMIN, ClientAccess.NONE, "closeMonth");
    }

    /** Operations whose credential is a signature: the matrix sends none, so every caller gets 401, token or not. */
    private static final Set<String> SIGNED = Set.of("receiveInboxWebhook");

    private static void staff(Set<Role> roles, ClientAccess client, String... operations) {
        for (String operation : operations) {
            RULES.put(operation, new Rule(roles, client, Set.of(), false, false));
        }
    }

    private static void platform(String... operations) {
        for (String operation : operations) {
            RULES.put(operation, new Rule(Set.of(), ClientAccess.NONE, Set.of(), true, false));
        }
    }

    private static void anyone(String operation) {
        RULES.put(operation, new Rule(Set.of(), ClientAccess.OWN_LIST, Set.of(), false, true));
    }

    static Outcome expected(Rule rule, Operation operation, Caller caller) {
        if (rule.open()) {
            // the URL (or, for SIGNED operations, the signature) is the credential, whichever token comes along
            return SIGNED.contains(operation.id()) ? Outcome.UNAUTHORIZED : Outcome.ALLOWED;
        }
        switch (caller) {
            case NO_TOKEN:
                return Outcome.UNAUTHORIZED;
            case ORGANIZATION_MEMBER_WITHOUT_RECORD, DEACTIVATED_MEMBER:
                return Outcome.FORBIDDEN;
            case BOTH_NAMING_NO_AGENCY: // acts for no agency: may ask who they are, nothing else
                return rule.anyone() ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            default:
                break;
        }
        if (rule.anyone()) {
            return Outcome.ALLOWED;
        }
        if (caller == Caller.PLATFORM_ADMIN || rule.platform()) {
            return caller == Caller.PLATFORM_ADMIN && rule.platform() ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        }
        boolean clientUser = caller.role == CLIENT_VIEWER;
        boolean admitted = clientUser ? rule.client() != ClientAccess.NONE
                : rule.staff().contains(caller.role) || rule.alsoAdmitted().contains(caller.role);
        if (caller.foreign() && (operation.hasPathParameters() || rule.bodyNamesA())) {
            return admitted ? Outcome.NOT_FOUND : Outcome.FORBIDDEN; // agency A's object, seen from agency B
        }
        if (rule.owners().contains(caller)) {
            return Outcome.ALLOWED;
        }
        if (!clientUser) {
            if (rule.staff().contains(caller.role)) {
                return Outcome.ALLOWED;
            }
            return !rule.owners().isEmpty() && admitted && !rule.othersForbidden() ? Outcome.NOT_FOUND
                    : Outcome.FORBIDDEN;
        }
        return switch (rule.client()) {
            case NONE -> Outcome.FORBIDDEN;
            case OWN_LIST -> Outcome.ALLOWED;
            case HIDDEN -> Outcome.NOT_FOUND;
            case IN_SCOPE -> caller == Caller.A_CLIENT_OUT_OF_SCOPE ? Outcome.NOT_FOUND : Outcome.ALLOWED;
            case WITH_PERMISSION -> caller == Caller.A_CLIENT_OUT_OF_SCOPE ? Outcome.NOT_FOUND : Outcome.FORBIDDEN;
        };
    }

    private TestAgency agencyB;
    private final Map<Caller, String> tokensOfB = new EnumMap<>(Caller.class);

    @BeforeAll
    void agencyB() {
        agencyB = newAgency("matrix-b");
        tokensOfB.put(Caller.B_ADMIN, agencyB.adminToken());
        tokensOfB.put(Caller.B_MANAGER, memberToken(agencyB, AGENCY_MANAGER));
        tokensOfB.put(Caller.B_SOCIAL_MEDIA_MANAGER, memberToken(agencyB, SOCIAL_MEDIA_MANAGER));
        tokensOfB.put(Caller.B_CLIENT, memberToken(agencyB, CLIENT_VIEWER));
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleTableSays() throws SQLException {
        List<Operation> operations = ContractOperations.all();
        assertThat(operations.stream().map(Operation::id).filter(id -> !RULES.containsKey(id)).toList())
                .as("operations of the contract without a row in the role table").isEmpty();
        assertThat(new TreeSet<>(RULES.keySet()))
                .as("rows of the role table without an operation in the contract")
                .isEqualTo(operations.stream().map(Operation::id).collect(Collectors.toCollection(TreeSet::new)));

        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        try (AgencySnapshot snapshot = AgencySnapshot.open()) {
            for (Operation operation : operations) {
                World world = newWorld();
                Rule rule = RULES.get(operation.id());
                // callers that may change agency A go last, so that every refusal is checked against the same A
                List<Caller> order = new ArrayList<>(List.of(Caller.values()));
                order.sort((x, y) -> Boolean.compare(changesA(rule, operation, x), changesA(rule, operation, y)));
                for (Caller caller : order) {
                    Outcome expected = expected(rule, operation, caller);
                    boolean mustLeaveAUnchanged = operation.writes() && !changesA(rule, operation, caller);
                    String before = mustLeaveAUnchanged ? snapshot.of(world.agency().tenant()) : null;
                    String beforeB = mustLeaveAUnchanged && !caller.foreign() ? snapshot.of(agencyB.tenant()) : null;
                    int status = call(world, operation, caller);
                    calls++;
                    Outcome actual = outcomeOf(status);
                    if (status >= 500 || actual != expected) {
                        mismatches.add("%s %s by %s: expected %s, got %d".formatted(operation.method(),
                                operation.path(), caller, expected, status));
                    }
                    if (before != null && !before.equals(snapshot.of(world.agency().tenant()))) {
                        mismatches.add("%s %s by %s changed agency A".formatted(operation.method(), operation.path(),
                                caller));
                    }
                    if (beforeB != null && !beforeB.equals(snapshot.of(agencyB.tenant()))) {
                        mismatches.add("%s %s by %s changed agency B".formatted(operation.method(), operation.path(),
                                caller));
                    }
                    // what one caller deleted is gone for the next one allowed to delete it
                    if (operation.method().equals("DELETE") && status / 100 == 2) {
                        world = newWorld();
                    }
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations x %d callers = %d calls%n", operations.size(),
                Caller.values().length, calls);
        assertThat(mismatches).isEmpty();
    }

    /** Whether the caller's call may legitimately change agency A: an allowed call of A's own people. */
    private static boolean changesA(Rule rule, Operation operation, Caller caller) {
        return !caller.foreign() && expected(rule, operation, caller) == Outcome.ALLOWED;
    }

    private static Outcome outcomeOf(int status) {
        return switch (status) {
            case 401 -> Outcome.UNAUTHORIZED;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            default -> Outcome.ALLOWED;
        };
    }

    private int call(World world, Operation operation, Caller caller) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(operation.method()))
                .uri(world.built().uri(operation))
                .headers(headers -> {
                    String token = world.tokens().get(caller);
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                    if (caller == Caller.BOTH_ACTING_FOR_A) {
                        headers.set("X-Agency-Id", world.agency().tenant().toString());
                    } else if (caller == Caller.BOTH_ACTING_FOR_B) {
                        headers.set("X-Agency-Id", agencyB.tenant().toString());
                    }
                    headers.setIfMatch("\"0\"");
                });
        WebTestClient.ResponseSpec response = operation.bodyText()
                .map(body -> request.contentType(MediaType.parseMediaType(operation.bodyMediaType()))
                        .bodyValue(rule(operation).bodyNamesA() ? world.built().body(body) : body)
                        .exchange())
                .orElseGet(request::exchange);
        return response.returnResult(byte[].class).getStatus().value();
    }

    private static Rule rule(Operation operation) {
        return RULES.get(operation.id());
    }

    private World newWorld() {
        AgencyWorld built = newWorld(agencyB);
        TestAgency a = built.agency();
        Map<Caller, String> tokens = new EnumMap<>(tokensOfB);
        tokens.put(Caller.A_ADMIN, a.adminToken());
        tokens.put(Caller.A_MANAGER, a.tokenFor(built.manager()));
        tokens.put(Caller.A_SOCIAL_MEDIA_MANAGER, a.tokenFor(built.socialMediaManager()));
        tokens.put(Caller.A_CLIENT_IN_SCOPE, built.clientInScopeToken());
        tokens.put(Caller.A_CLIENT_OUT_OF_SCOPE, built.clientOutOfScopeToken());
        String bothAgencies = TestTokens.token(built.memberOfBoth(), "both@matrix.test", List.of(),
                Map.of(a.slug(), a.tenant().value(), agencyB.slug(), agencyB.tenant().value()));
        tokens.put(Caller.BOTH_ACTING_FOR_A, bothAgencies);
        tokens.put(Caller.BOTH_ACTING_FOR_B, bothAgencies);
        tokens.put(Caller.BOTH_NAMING_NO_AGENCY, bothAgencies);
        tokens.put(Caller.PLATFORM_ADMIN, TestAgency.platformAdminToken());
        tokens.put(Caller.ORGANIZATION_MEMBER_WITHOUT_RECORD, a.tokenFor(UUID.randomUUID()));
        tokens.put(Caller.DEACTIVATED_MEMBER, a.tokenFor(built.deactivated()));
        return new World(built, tokens);
    }

    private record World(AgencyWorld built, Map<Caller, String> tokens) {

        TestAgency agency() {
            return built.agency();
        }
    }
}
