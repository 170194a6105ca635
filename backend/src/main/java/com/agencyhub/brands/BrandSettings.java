package com.agencyhub.brands;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything about a brand that its users edit; absent optional texts are null. */
public record BrandSettings(String name, String legalName, ZoneId zone, String locale, String industry,
                            String holidayRegion, List<Channel> channels, String notes, boolean clientSeesAudit,
                            boolean clientSeesPlans, boolean clientSeesHours) {

    public BrandSettings {
        channels = List.copyOf(channels);
    }

    /**
     * The settings as the audit trail records them. The notes are internal and client users may read a brand's
     * trail, so only their length is recorded.
     */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("legalName", legalName);
        snapshot.put("zone", zone.getId());
        snapshot.put("locale", locale);
        snapshot.put("industry", industry);
        snapshot.put("holidayRegion", holidayRegion);
        snapshot.put("channels", channels.stream().map(channel -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("platform", channel.platform());
            shown.put("handle", channel.handle());
            shown.put("url", channel.url());
            return shown;
        }).toList());
        snapshot.put("notesLength", notes == null ? 0 : notes.length());
        snapshot.put("clientSeesAudit", clientSeesAudit);
        snapshot.put("clientSeesPlans", clientSeesPlans);
        snapshot.put("clientSeesHours", clientSeesHours);
        return snapshot;
    }
}
