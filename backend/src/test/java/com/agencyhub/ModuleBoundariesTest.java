package com.agencyhub;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of ARCHITECTURE.md: a module's top package is its API, {@code internal} and {@code web}
 * are private, dependencies point downwards only, and each module reads only its own tables.
 */
@AnalyzeClasses(packages = "com.agencyhub",
        importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.WrittenByUs.class})
class ModuleBoundariesTest {

    /**
     * Leaves out the classes that the build's AOT processing writes beside ours after a package ({@code
     * X__BeanDefinitions}, configuration proxies): generated wiring that names every bean, whatever its module.
     */
    static final class WrittenByUs implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
        }
    }

    /** The feature modules; {@code shared} is plumbing that all of them use. */
    private static final List<String> MODULES = List.of("billing", "timesheets", "contracts", "pricing",
            "inbox", "calendar", "businesstime", "roster", "notifications", "strategy", "guidelines",
            "members", "brands", "tenancy", "audit");

    @ArchTest
    static final ArchRule internalsStayInsideTheirModule = CompositeArchRule.of(MODULES.stream()
            .map(module -> classes()
                    .that().resideInAPackage("com.agencyhub." + module + ".internal..")
                    .should().onlyBeAccessed().byClassesThat().resideInAPackage("com.agencyhub." + module + "..")
                    .as("the internals of " + module + " are only used by " + module)
                    .allowEmptyShould(true))
            .toList());

    @ArchTest
    static final ArchRule webAdaptersAreLeaves = CompositeArchRule.of(MODULES.stream()
            .map(module -> noClasses()
                    .that().resideOutsideOfPackage("com.agencyhub." + module + ".web..")
                    .should().dependOnClassesThat().resideInAPackage("com.agencyhub." + module + ".web..")
                    .as("nothing depends on the controllers of " + module)
                    .allowEmptyShould(true))
            .toList());

    @ArchTest
    static final ArchRule contractTypesStayInControllers = classes()
            .that().resideInAPackage("com.agencyhub.api..")
            .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("com.agencyhub.api..", "com.agencyhub.*.web..")
            .as("generated API interfaces and DTOs are used by web adapters only");

    @ArchTest
    static final ArchRule dependenciesPointDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("billing").definedBy("com.agencyhub.billing..")
            .layer("timesheets").definedBy("com.agencyhub.timesheets..")
            .layer("contracts").definedBy("com.agencyhub.contracts..")
            .layer("pricing").definedBy("com.agencyhub.pricing..")
            .layer("inbox").definedBy("com.agencyhub.inbox..")
            .layer("calendar").definedBy("com.agencyhub.calendar..")
            .layer("businesstime").definedBy("com.agencyhub.businesstime..")
            .layer("roster").definedBy("com.agencyhub.roster..")
            .layer("notifications").definedBy("com.agencyhub.notifications..")
            .layer("strategy").definedBy("com.agencyhub.strategy..")
            .layer("guidelines").definedBy("com.agencyhub.guidelines..")
            .layer("members").definedBy("com.agencyhub.members..")
            .layer("brands").definedBy("com.agencyhub.brands..")
            .layer("tenancy").definedBy("com.agencyhub.tenancy..")
            .layer("audit").definedBy("com.agencyhub.audit..")
            .layer("shared").definedBy("com.agencyhub.shared..")
            .whereLayer("billing").mayNotBeAccessedByAnyLayer()
            .whereLayer("timesheets").mayOnlyBeAccessedByLayers("billing")
            .whereLayer("contracts").mayOnlyBeAccessedByLayers("billing")
            .whereLayer("pricing").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts")
            .whereLayer("inbox").mayNotBeAccessedByAnyLayer()
            .whereLayer("calendar").mayNotBeAccessedByAnyLayer()
            .whereLayer("businesstime").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "roster")
            .whereLayer("roster").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar")
            .whereLayer("notifications").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "roster")
            .whereLayer("strategy").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime")
            .whereLayer("guidelines").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime")
            .whereLayer("members").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime", "roster",
                    "notifications", "strategy", "guidelines")
            .whereLayer("brands").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime", "roster",
                    "notifications", "strategy", "guidelines", "members")
            .whereLayer("tenancy").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime", "roster",
                    "notifications", "strategy", "guidelines", "members", "brands")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime", "roster",
                    "notifications", "strategy", "guidelines", "members", "brands", "tenancy")
            .whereLayer("shared").mayOnlyBeAccessedByLayers("billing", "timesheets", "contracts", "pricing",
                    "inbox", "calendar", "businesstime", "roster",
                    "notifications", "strategy", "guidelines", "members", "brands", "tenancy", "audit");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("com.agencyhub.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule tenantTableBelongsToTenancy = tableOwnedBy("Tenant", "com.agencyhub.tenancy.internal..");

    @ArchTest
    static final ArchRule auditTableBelongsToAudit = tableOwnedBy("AuditEvent", "com.agencyhub.audit.internal..");

    @ArchTest
    static final ArchRule brandTablesBelongToBrands = CompositeArchRule.of(List.of(
            tableOwnedBy("Brand", "com.agencyhub.brands.internal.."),
            tableOwnedBy("BrandChannel", "com.agencyhub.brands.internal..")));

    @ArchTest
    static final ArchRule memberTablesBelongToMembers = CompositeArchRule.of(List.of(
            tableOwnedBy("Member", "com.agencyhub.members.internal.."),
            tableOwnedBy("ClientBrandScope", "com.agencyhub.members.internal.."),
            tableOwnedBy("BrandAssignment", "com.agencyhub.members.internal..")));

    @ArchTest
    static final ArchRule strategyTablesBelongToStrategy =
            tableOwnedBy("StrategyVersion", "com.agencyhub.strategy.internal..");

    @ArchTest
    static final ArchRule guidelineTablesBelongToGuidelines = CompositeArchRule.of(List.of(
            tableOwnedBy("GuidelineVersion", "com.agencyhub.guidelines.internal.."),
            tableOwnedBy("GuidelineAssignment", "com.agencyhub.guidelines.internal..")));

    @ArchTest
    static final ArchRule calendarTablesBelongToCalendar = CompositeArchRule.of(List.of(
            tableOwnedBy("Post", "com.agencyhub.calendar.internal.."),
            tableOwnedBy("PostEvent", "com.agencyhub.calendar.internal.."),
            tableOwnedBy("CalendarFeed", "com.agencyhub.calendar.internal..")));

    @ArchTest
    static final ArchRule rosterTablesBelongToRoster = CompositeArchRule.of(Stream.of("RosterRotation",
                    "RosterRotationMember", "RosterRotationBrand", "RosterOverride", "RosterOverrideBrand",
                    "RosterAbsence", "RosterChange")
            .map(table -> tableOwnedBy(table, "com.agencyhub.roster.internal..")).toList());

    @ArchTest
    static final ArchRule inboxTablesBelongToInbox = CompositeArchRule.of(Stream.of("Interaction",
                    "InteractionEvent", "InboxWebhook", "IngestRequest")
            .map(table -> tableOwnedBy(table, "com.agencyhub.inbox.internal..")).toList());

    @ArchTest
    static final ArchRule notificationTablesBelongToNotifications = CompositeArchRule.of(Stream.of("Notification",
                    "NotificationDelivery", "NotificationWebhook")
            .map(table -> tableOwnedBy(table, "com.agencyhub.notifications.internal..")).toList());

    @ArchTest
    static final ArchRule pricingTablesBelongToPricing = CompositeArchRule.of(Stream.of("PricingSettings",
                    "Activity", "Rate", "Surcharge")
            .map(table -> tableOwnedBy(table, "com.agencyhub.pricing.internal..")).toList());

    @ArchTest
    static final ArchRule contractTablesBelongToContracts = CompositeArchRule.of(Stream.of("Contract",
                    "ContractLine", "QuoteSettings")
            .map(table -> tableOwnedBy(table, "com.agencyhub.contracts.internal..")).toList());

    @ArchTest
    static final ArchRule timesheetTablesBelongToTimesheets = CompositeArchRule.of(Stream.of("TimeEntry",
                    "TimeTimer", "TimeMonthClose", "DutyBilling")
            .map(table -> tableOwnedBy(table, "com.agencyhub.timesheets.internal..")).toList());

    @ArchTest
    static final ArchRule billingTablesBelongToBilling = CompositeArchRule.of(Stream.of("HoursAlert",
                    "HoursBalance")
            .map(table -> tableOwnedBy(table, "com.agencyhub.billing.internal..")).toList());

    private static ArchRule tableOwnedBy(String table, String repositoryPackage) {
        return noClasses()
                .that().resideOutsideOfPackages(repositoryPackage, "com.agencyhub.jooq..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.agencyhub.jooq.tables." + table)
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("com.agencyhub.jooq.tables.records." + table + "Record")
                .as("only " + repositoryPackage + " reads or writes the " + table + " table");
    }
}
