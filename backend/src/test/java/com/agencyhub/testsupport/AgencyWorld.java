package com.agencyhub.testsupport;


import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An agency with one of everything, for tests that call every operation: a brand in a client user's scope (with
 * an approved strategy, published guidelines, open drafts of both, a team, an approved post and a calendar feed of
 * its social-media manager) and one out of it, staff of each role, a deactivated member, a staff member and a client
 * user to act on, a person who is also admin of another agency, and a roster: a rotation of the manager and the
 * social-media manager for the brand in scope, an override naming the social-media manager and their pending
 * vacation; an interaction of the brand in scope (the contract's example complaint) and the brand's inbox webhook;
 * an incoming webhook for notifications; a draft contract of the brand in scope and a time entry of the
 * social-media manager for it; its community-management activity and a rate row of the brand in scope for that
 * activity. See {@link ApiTest#newWorld}.
 */
public record AgencyWorld(TestAgency agency, UUID brandInScope, UUID brandOutOfScope, UUID manager,
                          UUID socialMediaManager, UUID deactivated, UUID targetStaff, UUID targetClient,
                          UUID memberOfBoth, String clientInScopeToken, String clientOutOfScopeToken,
                          UUID approvedPost, UUID calendarFeed, String calendarFeedSecret, UUID rotation,
                          UUID rosterOverride, UUID absence, UUID interaction, UUID inboxWebhook,
                          UUID notificationWebhook, UUID contract, UUID timeEntry, UUID activity, UUID rate) {

    /** The brand the contract's examples name (Alpenmilch); request bodies with it mean this world's brand in scope. */
    public static final String EXAMPLE_BRAND = "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8";

    /**
     * The contract's path template with this world's objects: its brand in scope, its approved post there, its target
     * members, version 1, its calendar feed and that feed's secret, its rotation, override and absence, its
     * interaction, inbox webhook and notification webhook, its contract, time entry, activity and rate row.
     */
    public String path(String template) {
        return template
                .replace("{brandId}", brandInScope.toString())
                .replace("{agencyId}", agency.tenant().toString())
                .replace("{versionNumber}", "1")
                .replace("{postId}", approvedPost.toString())
                .replace("{feedId}", calendarFeed.toString())
                .replace("{feedToken}", calendarFeedSecret)
                .replace("{rotationId}", rotation.toString())
                .replace("{overrideId}", rosterOverride.toString())
                .replace("{absenceId}", absence.toString())
                .replace("{interactionId}", interaction.toString())
                .replace("{webhookId}", inboxWebhook.toString())
                .replace("{notificationWebhookId}", notificationWebhook.toString())
                .replace("{contractId}", contract.toString())
                .replace("{entryId}", timeEntry.toString())
                .replace("{activityId}", activity.toString())
                .replace("{rateId}", rate.toString())
                .replace("{memberId}", (template.startsWith("/v1/client-users") ? targetClient : targetStaff)
                        .toString());
    }

    /** The operation's path with this world's objects and its required query parameters with their example values. */
    public String uri(ContractOperations.Operation operation) {
        String query = operation.requiredQuery().stream().map(q -> q.name() + "=" + q.value())
                .collect(Collectors.joining("&"));
        return path(operation.path()) + (query.isEmpty() ? "" : "?" + query);
    }

    /** A request body example of the contract, with the example brand replaced by this world's brand in scope. */
    public String body(String example) {
        return example.replace(EXAMPLE_BRAND, brandInScope.toString());
    }
}
