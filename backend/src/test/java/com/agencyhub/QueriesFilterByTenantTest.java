package com.agencyhub;

import com.agencyhub.shared.scheduling.PeriodicJob;
import com.agencyhub.testsupport.AgencyWorld;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ContractOperations;
import com.agencyhub.testsupport.ContractOperations.Operation;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TenantScopedStatements;
import com.agencyhub.testsupport.db.TenantScopedStatements.Allowed;
import com.agencyhub.testsupport.db.TenantScopedStatements.Report;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every statement the product runs on a tenant table names the agency's {@code tenant_id} itself, so that Citus can
 * route it to one shard and row-level security stays the second wall, not the only one (docs/scaling.md,
 * "Distributed PostgreSQL"). What runs: building an {@link AgencyWorld}, every operation of the contract called by
 * the agency's admin, its social-media manager, a client user of its brand, the platform admin and another agency's
 * admin (reads first, deletions last), and two rounds of every periodic job a month later, when the world's interaction
 * is overdue; {@link TenantScopedStatements} then checks
 * each distinct statement the database recorded.
 */
class QueriesFilterByTenantTest extends ApiTest {

    /**
     * Statements that span agencies by design, run as the platform role; on Citus each becomes a multi-shard statement
     * (docs/scaling.md, "Distributed PostgreSQL (Citus)").
     */
    private static final List<Allowed> ACROSS_AGENCIES = List.of(
            new Allowed("from \"member\" where (\"member\".\"user_id\" = ",
                    "a person's agencies, for /v1/me and tokens that name no agency: the person is known, the agency "
                            + "is not yet"),
            new Allowed("from \"calendar_feed\" where \"calendar_feed\".\"token_hash\" = ",
                    "a calendar feed is found by the hash of its secret, the only thing its URL holds"),
            new Allowed("from \"inbox_webhook\" where \"inbox_webhook\".\"id\" = ",
                    "an inbox webhook is found by the public id in its URL before its signature is checked"),
            new Allowed("select distinct \"notification_delivery\".\"tenant_id\" from \"notification_delivery\"",
                    "the delivery worker asks which agencies have deliveries due, then claims each agency's in a "
                            + "transaction of that agency"),
            new Allowed("select \"interaction\".\"tenant_id\", \"interaction\".\"id\" from \"interaction\" where",
                    "the escalation scheduler finds the items due for escalation in every agency, then escalates "
                            + "each in a transaction of its agency"),
            new Allowed("delete from \"ingest_request\" where \"ingest_request\".\"created_at\" < ",
                    "idempotency keys expire by age in every agency at once"));

    @Autowired
    private List<PeriodicJob> jobs;

    @Test
    void everyStatementOnATenantTableConstrainsTenantId() {
        assumeTrue(TenantScopedStatements.recording(), "the test database does not load pg_stat_statements");
        TenantScopedStatements.reset();

        TestAgency other = newAgency("filter-other");
        AgencyWorld world = newWorld(other);
        TestAgency agency = world.agency();
        List<String> callers = List.of(agency.adminToken(), agency.tokenFor(world.socialMediaManager()),
                world.clientInScopeToken(), TestAgency.platformAdminToken(), other.adminToken());
        List<Operation> operations = ContractOperations.all().stream()
                .sorted(Comparator.comparingInt(operation -> List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                        .indexOf(operation.method())))
                .toList();
        for (Operation operation : operations) {
            for (String token : callers) {
                call(world, operation, token).expectStatus().value(status -> assertThat(status)
                        .as(operation.method() + " " + operation.path()).isLessThan(500));
            }
        }
        // a month on, the world's interaction is overdue: escalations, their notifications and deliveries are due
        Instant monthLater = Instant.now().plus(Duration.ofDays(30));
        for (Instant round : List.of(monthLater, monthLater.plus(Duration.ofDays(1)))) {
            jobs.forEach(job -> job.runRound(round).block());
        }

        Report report = TenantScopedStatements.check(ACROSS_AGENCIES);
        System.out.printf("Tenant filters: %d statements, %d on tenant tables, %d across agencies by design%n",
                report.statements(), report.onTenantTables(), report.used().size());
        assertThat(report.findings()).as("statements on tenant tables that do not pin one agency's tenant_id")
                .isEmpty();
        assertThat(ACROSS_AGENCIES).as("exceptions no statement needs any more")
                .allMatch(report.used()::contains);
    }

    @Test
    void statementsThatLeaveTheAgencyToRowLevelSecurityAreFound() {
        assumeTrue(TenantScopedStatements.recording(), "the test database does not load pg_stat_statements");
        TestAgency agency = newAgency("filter-self");
        TenantScopedStatements.reset();
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            for (String statement : List.of(
                    "select count(*) from brand where name = 'Alone'",
                    "select count(*) from brand b join post p on p.brand_id = b.id where b.tenant_id = ?",
                    "select count(*) from brand b join post p on p.tenant_id = b.tenant_id and p.brand_id = b.id "
                            + "where b.tenant_id = ?")) {
                try (PreparedStatement query = connection.prepareStatement(statement)) {
                    if (statement.contains("?")) {
                        query.setObject(1, agency.tenant().value());
                    }
                    query.execute();
                }
            }
            return null;
        });

        assertThat(TenantScopedStatements.check(List.of()).findings())
                .map(finding -> finding.problem().replaceFirst("^.* of ", ""))
                .containsExactlyInAnyOrder("brand without tenant_id", "post without tenant_id");
    }

    private WebTestClient.ResponseSpec call(AgencyWorld world, Operation operation, String token) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(operation.method()))
                .uri(world.uri(operation))
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.setIfMatch("\"0\"");
                    // well-formed but signed with no webhook's secret: the delivery is refused after the lookup
                    headers.set("X-AgencyHub-Timestamp", Long.toString(Instant.now().getEpochSecond()));
                    headers.set("X-AgencyHub-Signature", "v1=" + "0".repeat(64));
                });
        return operation.bodyText()
                .map(body -> request.contentType(MediaType.parseMediaType(operation.bodyMediaType()))
                        .bodyValue(world.body(body)).exchange())
                .orElseGet(request::exchange);
    }
}
