package com.agencyhub.brands;

import java.time.ZoneId;
import java.util.List;

/**
 * A partial update of a brand: null parts stay as they are; an empty text clears an optional text
 * (legal name, industry, holiday region, notes).
 */
public record BrandChanges(String name, String legalName, ZoneId zone, String locale, String industry,
                           String holidayRegion, List<Channel> channels, String notes, Boolean clientSeesAudit,
                           Boolean clientSeesPlans, Boolean clientSeesHours) {

    BrandSettings applyTo(BrandSettings current) {
        return new BrandSettings(name != null ? name : current.name(),
                text(legalName, current.legalName()), zone != null ? zone : current.zone(),
                locale != null ? locale : current.locale(), text(industry, current.industry()),
                text(holidayRegion, current.holidayRegion()), channels != null ? channels : current.channels(),
                text(notes, current.notes()),
                clientSeesAudit != null ? clientSeesAudit : current.clientSeesAudit(),
                clientSeesPlans != null ? clientSeesPlans : current.clientSeesPlans(),
                clientSeesHours != null ? clientSeesHours : current.clientSeesHours());
    }

    private static String text(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isEmpty() ? null : change;
    }
}
