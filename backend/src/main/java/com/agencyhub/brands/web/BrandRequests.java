package com.agencyhub.brands.web;

import com.agencyhub.api.model.BrandChannelInputDto;
import com.agencyhub.api.model.BrandCreateDto;
import com.agencyhub.api.model.BrandUpdateDto;
import com.agencyhub.brands.BrandChanges;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.Channel;
import com.agencyhub.brands.HolidayRegions;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.shared.web.Inputs;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Turns brand request bodies into settings, with the checks the contract's schemas cannot express. */
@Component
class BrandRequests {

    private final HolidayRegions holidayRegions;

    BrandRequests(HolidayRegions holidayRegions) {
        this.holidayRegions = holidayRegions;
    }

    BrandSettings settings(BrandCreateDto body) {
        return new BrandSettings(name(body.getName()), optional(body.getLegalName()),
                Inputs.zone("zone", body.getZone()), Inputs.locale("locale", body.getLocale()),
                optional(body.getIndustry()), holidayRegion(body.getHolidayRegion()),
                body.getChannels() == null ? List.of() : channels(body.getChannels()), optional(body.getNotes()),
                Boolean.TRUE.equals(body.getClientSeesAudit()), Boolean.TRUE.equals(body.getClientSeesPlans()),
                Boolean.TRUE.equals(body.getClientSeesHours()));
    }

    BrandChanges changes(BrandUpdateDto body) {
        if (body.equals(new BrandUpdateDto())) {
            throw ApiProblem.badRequest("Send at least one property to change.");
        }
        return new BrandChanges(body.getName() == null ? null : name(body.getName()), clearable(body.getLegalName()),
                body.getZone() == null ? null : Inputs.zone("zone", body.getZone()),
                body.getLocale() == null ? null : Inputs.locale("locale", body.getLocale()),
                clearable(body.getIndustry()),
                body.getHolidayRegion() == null || body.getHolidayRegion().isEmpty() ? body.getHolidayRegion()
                        : holidayRegion(body.getHolidayRegion()),
                body.getChannels() == null ? null : channels(body.getChannels()), clearable(body.getNotes()),
                body.getClientSeesAudit(), body.getClientSeesPlans(), body.getClientSeesHours());
    }

    private String holidayRegion(String region) {
        return region == null ? null : holidayRegions.require("holidayRegion", region);
    }

    private static String name(String name) {
        if (name.isBlank()) {
            throw ApiProblem.invalidField("name", "must not be blank", "blank");
        }
        return name.strip();
    }

    /** An optional text of a new brand: blank means absent. */
    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An optional text in an update: null keeps it, blank clears it (as the empty text). */
    private static String clearable(String text) {
        return text == null ? null : text.strip();
    }

    private static List<Channel> channels(List<BrandChannelInputDto> inputs) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BrandChannelInputDto input = inputs.get(i);
            String field = "channels[" + i + "]";
            String handle = optional(input.getHandle());
            String url = optional(input.getUrl());
            if (handle == null && url == null) {
                violations.add(new FieldViolation(field, "needs a handle or a URL", "channel"));
            }
            if (url != null && !Inputs.isWebAddress(url)) {
                violations.add(new FieldViolation(field + ".url", "must be an absolute http or https URL", "url"));
            }
            channels.add(new Channel(input.getPlatform(), handle, url));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.validation(violations);
        }
        return channels;
    }
}
