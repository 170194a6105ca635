package com.agencyhub.calendar;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brand;
import com.agencyhub.calendar.internal.PostRepository;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.FieldViolation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Plans many posts of a brand at once, from a file (docs/content-calendar.md, "Import and export"): every row is
 * checked with the rules of {@link Posts#create}, and either all rows become drafts in one transaction or, if any row
 * breaks a rule, none does and every error is reported.
 */
@Service
public class PostImports {

    /** The most rows one import plans. */
    public static final int MOST_ROWS = 2_000;

    private final Posts posts;
    private final PostRepository repository;
    private final Transactions transactions;
    private final Members members;
    private final AuditLog audit;

    public PostImports(Posts posts, PostRepository repository, Transactions transactions, Members members,
                       AuditLog audit) {
        this.posts = posts;
        this.repository = repository;
        this.transactions = transactions;
        this.members = members;
        this.audit = audit;
    }

    /**
     * A row that reads as a plan: the line of the file where it starts, the plan without its assignee, and the
     * assignee's e-mail address (null: none).
     */
    public record Row(int line, PostPlan plan, String assigneeEmail) {
    }

    /** What a file's rows say, read in the brand's zone: the rows that read as plans, and the errors of the others. */
    public record Rows(List<Row> rows, List<RowError> errors) {
    }

    /**
     * An error of a row: the line where it starts, the field of the plan ({@code title}, {@code variants[0].platform},
     * {@code assigneeId}, …) or of the file, what is wrong and a stable code.
     */
    public record RowError(int line, String field, String message, String code) {
    }

    /** The import refused: every error of the file, by line; nothing was stored. */
    public static final class RefusedException extends RuntimeException {

        private final transient List<RowError> errors;

        RefusedException(List<RowError> errors) {
            super(errors.size() + " errors");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    /** What was planned (or, for a dry run, would be): the new posts in the order of the rows. */
    public record Outcome(int planned, List<PostId> ids, boolean dryRun) {
    }

    /**
     * Reads the rows in the brand's zone ({@code read}), checks them and plans them all as drafts, or none ({@link
     * RefusedException}); a dry run stores nothing. 404 for a brand the caller may not see, 409 when it is offboarded.
     */
    public Mono<Outcome> plan(Actor actor, BrandId brandId, boolean dryRun, Function<ZoneId, Rows> read) {
        TenantId tenant = actor.requireTenant();
        return posts.writableBrand(actor, brandId).flatMap(brand -> {
            Rows rows = read.apply(brand.settings().zone());
            return assigned(tenant, rows).flatMap(assigned -> checked(tenant, brand, assigned, rows.errors()))
                    .flatMap(plans -> dryRun ? Mono.just(new Outcome(plans.size(), List.of(), true))
                            : store(actor, brand, plans));
        });
    }

    /** The rows with their assignees looked up by e-mail; an unknown address is an error of its row. */
    private Mono<List<Checked>> assigned(TenantId tenant, Rows rows) {
        List<String> emails = rows.rows().stream().map(Row::assigneeEmail).filter(Objects::nonNull).distinct().toList();
        Mono<Map<String, UserId>> staff = emails.isEmpty() ? Mono.just(Map.of())
                : members.currentStaffByEmail(tenant, emails);
        return staff.map(byEmail -> rows.rows().stream().map(row -> {
            if (row.assigneeEmail() == null) {
                return new Checked(row.line(), row.plan(), null);
            }
            UserId assignee = byEmail.get(row.assigneeEmail().toLowerCase(Locale.ROOT));
            PostPlan plan = row.plan();
            return assignee == null ? new Checked(row.line(), plan, new RowError(row.line(), "assigneeId",
                    "must be the e-mail address of an active staff member of the agency", "unknown-member"))
                    : new Checked(row.line(), new PostPlan(plan.title(), plan.body(), plan.variants(), plan.pillar(),
                    plan.plannedAt(), assignee, plan.labels(), plan.campaign()), null);
        }).toList());
    }

    /** The plans if no row breaks a rule of the brand and the file has no other errors; all errors otherwise. */
    private Mono<List<PostPlan>> checked(TenantId tenant, Brand brand, List<Checked> rows, List<RowError> earlier) {
        List<PostPlan> plans = rows.stream().map(Checked::plan).toList();
        return posts.brandRules(tenant, brand, plans).flatMap(violations -> {
            List<RowError> errors = new ArrayList<>(earlier);
            for (int i = 0; i < rows.size(); i++) {
                Checked row = rows.get(i);
                if (row.assigneeError() != null) {
                    errors.add(row.assigneeError());
                }
                for (FieldViolation violation : violations.get(i)) {
                    if (row.assigneeError() == null || !violation.field().equals("assigneeId")) {
                        errors.add(new RowError(row.line(), violation.field(), violation.message(), violation.code()));
                    }
                }
            }
            errors.sort(Comparator.comparingInt(RowError::line));
            return errors.isEmpty() ? Mono.just(plans) : Mono.error(new RefusedException(errors));
        });
    }

    private Mono<Outcome> store(Actor actor, Brand brand, List<PostPlan> plans) {
        TenantId tenant = actor.requireTenant();
        PostWorkflow.State draft = new PostWorkflow.State(PostStatus.DRAFT, null);
        return transactions.inTenant(tenant, sql -> Flux.fromIterable(plans)
                .concatMap(plan -> repository.insert(sql, tenant, brand.id(), plan, draft, actor.userId())
                        .flatMap(post -> repository.recordEvent(sql, tenant, post.id(), Posts.event("created", null,
                                post, actor, "CSV import", false)).thenReturn(post.id())))
                .collectList()
                .flatMap(ids -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry("posts.imported",
                                "brand", brand.id().value(), null, summary(ids), brand.id()))
                        .thenReturn(new Outcome(ids.size(), ids, false))));
    }

    private static Map<String, Object> summary(List<PostId> ids) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("imported", ids.size());
        after.put("postIds", ids.stream().map(PostId::toString).toList());
        return after;
    }

    /** A row with its assignee looked up: the plan, and the error when the address names no staff member. */
    private record Checked(int line, PostPlan plan, RowError assigneeError) {
    }
}
