package com.agencyhub.shared.web.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.cfg.MutableConfigOverride;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Request bodies are bound as the contract says, strictly: no value is turned into another type ("5" into 5, 1 into
 * true, 1.5 into 1, 12345 into "12345", "" into a missing id), no {@code null} inside arrays, no non-finite numbers,
 * no NUL characters or unpaired surrogates in text, dates and date-times only as RFC 3339 writes them. Each refusal is a field error (see ProblemHandling).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBinding {

    /**
     * Arrays of the contract hold no nulls (by the collection types the generated models declare or create);
     * maps, such as our own jsonb documents, may hold null values.
     */
    private static final Consumer<MutableConfigOverride> NO_NULL_ITEMS =
            override -> override.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    @Bean
    JsonMapperBuilderCustomizer strictValues() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withConfigOverride(Collection.class, NO_NULL_ITEMS)
                .withConfigOverride(List.class, NO_NULL_ITEMS)
                .withConfigOverride(ArrayList.class, NO_NULL_ITEMS)
                .withConfigOverride(Set.class, NO_NULL_ITEMS)
                .withConfigOverride(HashSet.class, NO_NULL_ITEMS)
                .withConfigOverride(LinkedHashSet.class, NO_NULL_ITEMS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(coercion -> coercion
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Boolean, coercion -> refuse(coercion, CoercionInputShape.String,
                        CoercionInputShape.Integer, CoercionInputShape.Float))
                .withCoercionConfig(LogicalType.Integer, coercion -> refuse(coercion, CoercionInputShape.String,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, coercion -> refuse(coercion, CoercionInputShape.String,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Enum, coercion -> refuse(coercion, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .addModule(new SimpleModule("strict-values")
                        .addDeserializer(String.class, new CleanTextDeserializer())
                        .addDeserializer(Double.class, new FiniteDoubleDeserializer())
                        .addDeserializer(LocalDate.class, Rfc3339Deserializers.localDate())
                        .addDeserializer(OffsetDateTime.class, Rfc3339Deserializers.offsetDateTime()));
    }

    private static void refuse(MutableCoercionConfig coercion, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            coercion.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
