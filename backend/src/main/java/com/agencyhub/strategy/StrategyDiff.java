package com.agencyhub.strategy;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one version to another, section by section. Items are matched by their key (a goal by its
 * title, a channel plan row by platform and format, …), so renaming an item shows as removed plus added.
 */
public record StrategyDiff(BrandId brand, int from, int to, List<Change> changes) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** @param fields the changed record components of a changed item; empty otherwise */
    public record Change(String section, Kind kind, String item, List<String> fields) {
    }

    public static StrategyDiff between(StrategyVersion from, StrategyVersion to) {
        StrategyContent a = from.content();
        StrategyContent b = to.content();
        List<Change> changes = new ArrayList<>();
        section(changes, "goals", a.goals(), b.goals(), StrategyContent.Goal::title);
        section(changes, "targetGroups", a.targetGroups(), b.targetGroups(), StrategyContent.TargetGroup::name);
        section(changes, "channelPlan", a.channelPlan(), b.channelPlan(), StrategyDiff::key);
        section(changes, "pillars", a.pillars(), b.pillars(), StrategyContent.ContentPillar::name);
        section(changes, "responsibilities", a.responsibilities(), b.responsibilities(),
                responsibility -> Slugs.of(responsibility.task()));
        section(changes, "monitoring", List.of(a.monitoring()), List.of(b.monitoring()), monitoring -> "monitoring");
        return new StrategyDiff(to.brand(), from.number(), to.number(), changes);
    }

    /** A channel plan row's key, e.g. {@code instagram reel}. */
    static String key(StrategyContent.ChannelPlanRow row) {
        return row.platform() + " " + Slugs.of(row.format());
    }

    private static <T extends Record> void section(List<Change> changes, String section, List<T> before,
                                                   List<T> after, Function<T, String> key) {
        Map<String, T> old = index(before, key);
        Map<String, T> now = index(after, key);
        old.forEach((item, value) -> {
            if (!now.containsKey(item)) {
                changes.add(new Change(section, Kind.REMOVED, item, List.of()));
            } else if (!value.equals(now.get(item))) {
                changes.add(new Change(section, Kind.CHANGED, item, changedFields(value, now.get(item))));
            }
        });
        now.keySet().stream().filter(item -> !old.containsKey(item))
                .forEach(item -> changes.add(new Change(section, Kind.ADDED, item, List.of())));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> index = new LinkedHashMap<>();
        items.forEach(item -> index.put(key.apply(item), item));
        return index;
    }

    private static List<String> changedFields(Record before, Record after) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                fields.add(component.getName());
            }
        }
        return fields;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
