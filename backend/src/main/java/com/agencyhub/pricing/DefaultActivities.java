package com.agencyhub.pricing;

import java.util.List;

/** The six activities every agency starts with (V20 gave them to the agencies that existed then). */
final class DefaultActivities {

    record Default(String key, String name) {
    }

    static final List<Default> ALL = List.of(
            new Default("strategy-planning", "Strategy & planning"),
            new Default("content-creation", "Content creation"),
            new Default("community-management", "Community management"),
            new Default("monitoring", "Monitoring"),
            new Default("reporting", "Reporting"),
            new Default("meetings", "Meetings"));

    private DefaultActivities() {
    }
}
