package com.agencyhub.testsupport;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Seeds an active client user with a brand scope straight into the members tables, as the application role
 * with the tenant set transaction-locally (RLS applies), until the members API can invite client users.
 */
public final class ClientUsers {

    private ClientUsers() {
    }

    /** A new client user of the agency who may see {@code brands}; returns its token. */
    public static String clientViewer(TestAgency agency, BrandId... brands) {
        UUID user = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), PostgresBootstrap.APP,
                TestDatabase.APP_PASSWORD)) {
            db.setAutoCommit(false);
            try (PreparedStatement tenant = db.prepareStatement("select set_config('app.tenant_id', ?, true)");
                 PreparedStatement member = db.prepareStatement("""
                         insert into member (tenant_id, user_id, kind, email, display_name, roles, status)
                         values (?, ?, 'client', ?, 'Client Viewer', array['client-viewer'], 'active')""");
                 PreparedStatement scope = db.prepareStatement(
                         "insert into client_brand_scope (tenant_id, user_id, brand_id) values (?, ?, ?)")) {
                tenant.setString(1, agency.tenant().toString());
                tenant.execute();
                member.setObject(1, agency.tenant().value());
                member.setObject(2, user);
                member.setString(3, user + "@client.test");
                member.executeUpdate();
                for (BrandId brand : brands) {
                    scope.setObject(1, agency.tenant().value());
                    scope.setObject(2, user);
                    scope.setObject(3, brand.value());
                    scope.addBatch();
                }
                scope.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed a client user", e);
        }
        return agency.tokenFor(user, Role.CLIENT_VIEWER);
    }
}
