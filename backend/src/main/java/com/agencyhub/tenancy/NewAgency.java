package com.agencyhub.tenancy;

import java.time.ZoneId;

/**
 * An agency to onboard, with its first agency admin.
 *
 * @param adminPassword an initial password for the admin; only demo data sets one, real admins get an
 *                      invitation to choose their own
 */
public record NewAgency(String name, String slug, ZoneId defaultZone, String locale, String adminEmail,
                        String adminFirstName, String adminLastName, String adminPassword) {

    boolean sameAgencyAs(Agency agency) {
        return agency.slug().equals(slug) && agency.name().equals(name)
                && agency.defaultZone().equals(defaultZone) && agency.locale().equals(locale);
    }
}
