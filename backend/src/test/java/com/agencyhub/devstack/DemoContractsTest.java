package com.agencyhub.devstack;

import com.agencyhub.contracts.Contract;
import com.agencyhub.contracts.ContractLifecycle;
import com.agencyhub.contracts.ContractStatus;
import com.agencyhub.inbox.InboxApiTest;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev stack's demo contract is made from the brand's quote and activated once. */
class DemoContractsTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ContractLifecycle contracts;

    @Test
    void theDemoContractComesFromTheQuoteAndIsAgreedOnce() {
        TestAgency agency = newAgency("demo-contracts");
        UUID brand = InboxApiTest.brandWithChannels(http, agency);
        UUID jonas = newStaffMember(agency, "Jonas", "Weber");
        UUID lea = newStaffMember(agency, "Lea", "Brandt");
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(jonas, lea, List.of(
                StrategyApiTest.window("MONDAY", "08:00", "20:00"))), "/draft/approval");
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement rate = connection.prepareStatement(
                    "insert into rate (tenant_id, id, bill_rate) values (?, ?, 85.00)")) {
                rate.setObject(1, agency.tenant().value());
                rate.setObject(2, UUID.randomUUID());
                return rate.executeUpdate();
            }
        });
        Actor system = Actor.member(UserId.SYSTEM, "system", "system", null, agency.tenant(),
                Set.of(Role.AGENCY_ADMIN), Set.of());
        for (int run = 0; run < 2; run++) {
            DemoContracts.agree(context, system, new BrandId(brand));
        }
        List<Contract> agreed = contracts.list(system, new BrandId(brand)).block();
        assertThat(agreed).hasSize(1);
        assertThat(agreed.get(0).status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(agreed.get(0).firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(agreed.get(0).quote()).isNotNull();
        assertThat(agreed.get(0).carryOver().capHours()).isEqualByComparingTo("10");
        assertThat(agreed.get(0).alertThresholds()).containsExactly(80, 100);
        assertThat(agreed.get(0).monthlyPrice()).isEqualTo(agreed.get(0).quote().monthlyPrice());
    }
}
