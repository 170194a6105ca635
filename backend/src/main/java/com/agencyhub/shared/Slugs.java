package com.agencyhub.shared;

import java.util.Arrays;
import java.util.Locale;

/** Enum constants as the contract spells them: {@code SHORT_VIDEO} is {@code short-video}. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String slug) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " " + slug));
    }
}
