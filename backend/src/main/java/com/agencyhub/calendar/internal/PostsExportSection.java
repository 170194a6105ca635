package com.agencyhub.calendar.internal;

import com.agencyhub.brands.BrandExportSection;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.agencyhub.jooq.Tables.POST;
import static com.agencyhub.jooq.Tables.POST_EVENT;

/**
 * Every post of the brand in its export, by planned time, each with its whole event log (internal comments
 * included: the export is the agency's). One query, streamed: a post's rows arrive together and become one entry.
 */
@Component
class PostsExportSection implements BrandExportSection {

    private final Transactions transactions;

    PostsExportSection(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "posts";
    }

    @Override
    public Flux<Map<String, Object>> rows(TenantId tenant, BrandId brand) {
        return transactions.inTenantMany(tenant, sql -> Flux.from(sql.select(POST.asterisk(), POST_EVENT.asterisk())
                        .from(POST).leftJoin(POST_EVENT).on(POST_EVENT.TENANT_ID.eq(POST.TENANT_ID)
                                .and(POST_EVENT.POST_ID.eq(POST.ID)))
                        .where(POST.TENANT_ID.eq(tenant.value()).and(POST.BRAND_ID.eq(brand.value())))
                        .orderBy(POST.PLANNED_AT, POST.ID, POST_EVENT.AT, POST_EVENT.ID)))
                .bufferUntilChanged(row -> row.get(POST.ID))
                .map(PostsExportSection::post);
    }

    private static Map<String, Object> post(List<Record> rows) {
        Record first = rows.get(0);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", first.get(POST.ID).toString());
        post.put("title", first.get(POST.TITLE));
        post.put("body", first.get(POST.BODY));
        post.put("variants", VariantsJson.asList(first.get(POST.VARIANTS)));
        post.put("pillar", first.get(POST.PILLAR));
        post.put("plannedAt", first.get(POST.PLANNED_AT).toString());
        post.put("assigneeId", Objects.toString(first.get(POST.ASSIGNEE_ID), null));
        post.put("labels", Arrays.asList(first.get(POST.LABELS)));
        post.put("campaign", first.get(POST.CAMPAIGN));
        post.put("status", first.get(POST.STATUS));
        post.put("reviewStage", first.get(POST.REVIEW_STAGE));
        post.put("contentVersion", first.get(POST.CONTENT_VERSION));
        post.put("publishedAt", Objects.toString(first.get(POST.PUBLISHED_AT), null));
        post.put("url", first.get(POST.URL));
        post.put("lastFailure", first.get(POST.LAST_FAILURE));
        post.put("createdBy", first.get(POST.CREATED_BY).toString());
        post.put("createdAt", first.get(POST.CREATED_AT).toString());
        post.put("events", rows.stream().filter(row -> row.get(POST_EVENT.ID) != null)
                .map(PostsExportSection::event).toList());
        return post;
    }

    private static Map<String, Object> event(Record row) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("action", row.get(POST_EVENT.ACTION));
        event.put("fromStatus", row.get(POST_EVENT.FROM_STATUS));
        event.put("toStatus", row.get(POST_EVENT.TO_STATUS));
        event.put("contentVersion", row.get(POST_EVENT.CONTENT_VERSION));
        event.put("actorId", Objects.toString(row.get(POST_EVENT.ACTOR_ID), null));
        event.put("actorKind", row.get(POST_EVENT.ACTOR_KIND));
        event.put("actorName", row.get(POST_EVENT.ACTOR_NAME));
        event.put("comment", row.get(POST_EVENT.COMMENT));
        event.put("visibility", row.get(POST_EVENT.VISIBILITY));
        event.put("at", row.get(POST_EVENT.AT).toString());
        return event;
    }
}
