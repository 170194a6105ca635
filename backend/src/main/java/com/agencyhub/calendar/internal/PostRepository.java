package com.agencyhub.calendar.internal;

import com.agencyhub.calendar.Post;
import com.agencyhub.calendar.PostEvent;
import com.agencyhub.calendar.PostId;
import com.agencyhub.calendar.PostPlan;
import com.agencyhub.calendar.PostQuery;
import com.agencyhub.calendar.PostStatus;
import com.agencyhub.calendar.PostWorkflow;
import com.agencyhub.calendar.ReviewStage;
import com.agencyhub.jooq.tables.records.PostEventRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.web.Cursor;
import io.r2dbc.spi.Row;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.POST;
import static com.agencyhub.jooq.Tables.POST_EVENT;

@Repository
public class PostRepository {

    private static final String CURSOR_POSTS = "posts";
    private static final String CURSOR_EVENTS = "post-events";

    private final Transactions transactions;

    PostRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    public Mono<Post> insert(DSLContext sql, TenantId tenant, BrandId brand, PostPlan plan, PostWorkflow.State state,
                             UserId author) {
        UUID id = UUID.randomUUID();
        return Mono.from(sql.insertInto(POST)
                        .set(POST.TENANT_ID, tenant.value())
                        .set(POST.ID, id)
                        .set(POST.BRAND_ID, brand.value())
                        .set(editable(plan))
                        .set(state(state))
                        .set(POST.SHOWN_TO_CLIENT, state.reachesClient())
                        .set(POST.CREATED_BY, author.value()))
                .then(find(tenant, new PostId(id)));
    }

    /** The post, in the agency's ongoing transaction if there is one. */
    public Mono<Post> find(TenantId tenant, PostId id) {
        return transactions.fetch(tenant, DSL.selectFrom(POST)
                                .where(POST.TENANT_ID.eq(tenant.value()).and(POST.ID.eq(id.value()))),
                        PostRepository::post)
                .mapNotNull(posts -> posts.isEmpty() ? null : posts.get(0));
    }

    /**
     * Stores the plan, state and content version if the post still has {@code expectedVersion}; empty otherwise.
     */
    public Mono<Post> update(DSLContext sql, TenantId tenant, PostId id, int expectedVersion, PostPlan plan,
                             PostWorkflow.State state, int contentVersion) {
        return Mono.from(sql.update(POST)
                        .set(editable(plan))
                        .set(state(state))
                        .set(POST.SHOWN_TO_CLIENT, shownToClient(state))
                        .set(POST.CONTENT_VERSION, contentVersion)
                        .set(POST.UPDATED_AT, DSL.currentInstant())
                        .set(POST.VERSION, POST.VERSION.plus(1))
                        .where(versioned(tenant, id, expectedVersion)))
                .filter(updated -> updated == 1)
                .flatMap(updated -> find(tenant, id));
    }

    /** Moves the post to {@code state} if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<Post> moveTo(DSLContext sql, TenantId tenant, PostId id, int expectedVersion, PostWorkflow.State state,
                             Map<Field<?>, Object> alsoSet) {
        return Mono.from(sql.update(POST)
                        .set(state(state))
                        .set(POST.SHOWN_TO_CLIENT, shownToClient(state))
                        .set(alsoSet)
                        .set(POST.UPDATED_AT, DSL.currentInstant())
                        .set(POST.VERSION, POST.VERSION.plus(1))
                        .where(versioned(tenant, id, expectedVersion)))
                .filter(updated -> updated == 1)
                .flatMap(updated -> find(tenant, id));
    }

    /** The columns a recorded publication sets: when and where it went out, or why it failed. */
    public static Map<Field<?>, Object> publication(Instant publishedAt, URI url, String failure) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(POST.PUBLISHED_AT, publishedAt);
        values.put(POST.URL, url == null ? null : url.toString());
        values.put(POST.LAST_FAILURE, failure);
        return values;
    }

    /**
     * One page of a range view, in (planned time, id) order: a keyset that new posts cannot shift. Rows are mapped
     * straight from the driver (the month view's hot path), in the agency's ongoing transaction if there is one.
     */
    public Mono<Page<Post>> list(TenantId tenant, PostQuery query, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(POST.TENANT_ID.eq(tenant.value()));
        conditions.add(POST.PLANNED_AT.ge(query.from()).and(POST.PLANNED_AT.lt(query.to())));
        if (query.brand() != null) {
            conditions.add(POST.BRAND_ID.eq(query.brand().value()));
        }
        if (query.brands() != null) {
            conditions.add(POST.BRAND_ID.eq(DSL.any(query.brands().stream().map(BrandId::value).toArray(UUID[]::new))));
        }
        if (query.clientView()) {
            conditions.add(POST.SHOWN_TO_CLIENT.isTrue());
        }
        if (query.status() != null) {
            conditions.add(POST.STATUS.eq(query.status().value()));
        }
        if (query.platform() != null) {
            conditions.add(DSL.condition("{0} @> {1}", POST.VARIANTS, DSL.val(VariantsJson.withPlatform(
                    query.platform()))));
        }
        if (query.pillar() != null) {
            conditions.add(POST.PILLAR.eq(query.pillar()));
        }
        if (query.assignee() != null) {
            conditions.add(POST.ASSIGNEE_ID.eq(query.assignee().value()));
        }
        if (query.campaign() != null) {
            conditions.add(POST.CAMPAIGN.eq(query.campaign()));
        }
        if (query.label() != null) {
            conditions.add(DSL.val(query.label()).eq(DSL.any(POST.LABELS)));
        }
        List<String> after = Cursor.decode(CURSOR_POSTS, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(POST.PLANNED_AT, POST.ID).gt(Cursor.instant(after.get(0)),
                    Cursor.uuid(after.get(1))));
        }
        return transactions.fetch(tenant, DSL.selectFrom(POST)
                                .where(conditions)
                                .orderBy(POST.PLANNED_AT, POST.ID)
                                .limit(DSL.inline(limit + 1)),
                        PostRepository::post)
                .map(posts -> Page.of(posts, limit, last -> Cursor.encode(CURSOR_POSTS,
                        last.plan().plannedAt().toString(), last.id().toString())));
    }

    public Mono<Void> recordEvent(DSLContext sql, TenantId tenant, PostId post, PostEvent event) {
        return Mono.from(sql.insertInto(POST_EVENT)
                        .set(POST_EVENT.TENANT_ID, tenant.value())
                        .set(POST_EVENT.ID, event.id())
                        .set(POST_EVENT.POST_ID, post.value())
                        .set(POST_EVENT.ACTION, event.action())
                        .set(POST_EVENT.FROM_STATUS, event.from() == null ? null : event.from().value())
                        .set(POST_EVENT.TO_STATUS, event.to().value())
                        .set(POST_EVENT.CONTENT_VERSION, event.contentVersion())
                        .set(POST_EVENT.ACTOR_ID, event.actorId())
                        .set(POST_EVENT.ACTOR_KIND, event.byClient() ? "client" : "staff")
                        .set(POST_EVENT.ACTOR_NAME, event.actorName())
                        .set(POST_EVENT.COMMENT, event.comment())
                        .set(POST_EVENT.VISIBILITY, event.clientVisible() ? "client" : "internal"))
                .then();
    }

    /** The post's events, newest first. */
    public Mono<Page<PostEvent>> events(DSLContext sql, TenantId tenant, PostId post, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(POST_EVENT.TENANT_ID.eq(tenant.value()).and(POST_EVENT.POST_ID.eq(post.value())));
        List<String> after = Cursor.decode(CURSOR_EVENTS, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(POST_EVENT.AT, POST_EVENT.ID).lt(Cursor.instant(after.get(0)),
                    Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(POST_EVENT).where(conditions)
                        .orderBy(POST_EVENT.AT.desc(), POST_EVENT.ID.desc())
                        .limit(DSL.inline(limit + 1)))
                .map(PostRepository::event)
                .collectList()
                .map(events -> Page.of(events, limit, last -> Cursor.encode(CURSOR_EVENTS, last.at().toString(),
                        last.id().toString())));
    }

    private static Condition versioned(TenantId tenant, PostId id, int expectedVersion) {
        return POST.TENANT_ID.eq(tenant.value()).and(POST.ID.eq(id.value())).and(POST.VERSION.eq(expectedVersion));
    }

    private static Map<Field<?>, Object> editable(PostPlan plan) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(POST.TITLE, plan.title());
        values.put(POST.BODY, plan.body());
        values.put(POST.VARIANTS, VariantsJson.write(plan.variants()));
        values.put(POST.PILLAR, plan.pillar());
        values.put(POST.PLANNED_AT, plan.plannedAt());
        values.put(POST.ASSIGNEE_ID, plan.assignee() == null ? null : plan.assignee().value());
        values.put(POST.LABELS, plan.labels().toArray(String[]::new));
        values.put(POST.CAMPAIGN, plan.campaign());
        return values;
    }

    private static Map<Field<?>, Object> state(PostWorkflow.State state) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(POST.STATUS, state.status().value());
        values.put(POST.REVIEW_STAGE, state.stage() == null ? null : state.stage().value());
        return values;
    }

    /** Once shown to the client, always shown: the flag is set on entering a client-visible state, never cleared. */
    private static Field<Boolean> shownToClient(PostWorkflow.State state) {
        return state.reachesClient() ? DSL.inline(true) : POST.SHOWN_TO_CLIENT;
    }

    /** The post as stored; its brand's zone is the brands module's to tell ({@link Post#inZone}). */
    private static Post post(Row row) {
        UUID assignee = row.get("assignee_id", UUID.class);
        String url = row.get("url", String.class);
        PostPlan plan = new PostPlan(row.get("title", String.class), row.get("body", String.class),
                VariantsJson.read(row.get("variants", String.class)), row.get("pillar", String.class),
                row.get("planned_at", Instant.class), assignee == null ? null : new UserId(assignee),
                List.of(row.get("labels", String[].class)), row.get("campaign", String.class));
        return new Post(new PostId(row.get("id", UUID.class)), new BrandId(row.get("brand_id", UUID.class)), null, plan,
                new PostWorkflow.State(PostStatus.of(row.get("status", String.class)),
                        ReviewStage.of(row.get("review_stage", String.class))),
                row.get("shown_to_client", Boolean.class), row.get("content_version", Integer.class),
                row.get("published_at", Instant.class), url == null ? null : URI.create(url),
                row.get("last_failure", String.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("version", Integer.class));
    }

    private static PostEvent event(PostEventRecord row) {
        return new PostEvent(row.getId(), row.getAction(),
                row.getFromStatus() == null ? null : PostStatus.of(row.getFromStatus()), PostStatus.of(row.getToStatus()),
                row.getContentVersion(), row.getActorId(), "client".equals(row.getActorKind()), row.getActorName(),
                row.getComment(), "client".equals(row.getVisibility()), row.getAt());
    }
}
