package com.agencyhub.shared.db;

import com.agencyhub.shared.calendar.WeeklyWindow;
import org.jooq.JSONB;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Weekly windows as stored in JSONB columns (member.working_hours, roster_rotation.restriction):
 * [{"day":"MONDAY","start":"09:00","end":"17:00"}, …].
 */
public final class WeeklyWindowsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WeeklyWindowsJson() {
    }

    public static JSONB write(List<WeeklyWindow> hours) {
        ArrayNode array = JSON.createArrayNode();
        hours.forEach(interval -> array.addObject()
                .put("day", interval.day().name())
                .put("start", interval.start().toString())
                .put("end", interval.end().toString()));
        return JSONB.valueOf(array.toString());
    }

    public static List<WeeklyWindow> read(JSONB stored) {
        List<WeeklyWindow> hours = new ArrayList<>();
        for (JsonNode interval : JSON.readTree(stored.data())) {
            hours.add(new WeeklyWindow(DayOfWeek.valueOf(interval.path("day").asString()),
                    LocalTime.parse(interval.path("start").asString()),
                    LocalTime.parse(interval.path("end").asString())));
        }
        return hours;
    }
}
