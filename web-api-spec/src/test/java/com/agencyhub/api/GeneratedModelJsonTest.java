package com.agencyhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.AgencyPageDto;
import com.agencyhub.api.model.AgencyStatusDto;
import com.agencyhub.api.model.AgencyUpdateDto;
import com.agencyhub.api.model.MeDto;
import com.agencyhub.api.model.ProblemDto;
import com.agencyhub.api.model.RoleDto;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The generated DTOs under Jackson 3 (as used by Spring Boot 4) write and read what the contract says. */
class GeneratedModelJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void requiredNullablePropertiesAreWrittenAsNull() {
        MeDto platformAdmin = new MeDto(UUID.fromString("2a3b4c5d-6e7f-4081-92a3-b4c5d6e7f809"), "ops",
                null, null, null, Set.of(RoleDto.PLATFORM_ADMIN), Set.of(), Set.of(), List.of());

        String written = json.writeValueAsString(platformAdmin);

        assertThat(written).contains("\"name\":null", "\"email\":null", "\"tenant\":null",
                "\"roles\":[\"platform-admin\"]", "\"brandScope\":[]", "\"approvalScope\":[]", "\"agencies\":[]");
        assertThat(json.writeValueAsString(new AgencyPageDto(List.of(), null)))
                .isEqualTo("{\"items\":[],\"nextCursor\":null}");
    }

    @Test
    void optionalPropertiesAreLeftOutWhenUnset() {
        ProblemDto problem = new ProblemDto(URI.create("https://agencyhub.dev/problems/not-found"), "Not found", 404);

        assertThat(json.writeValueAsString(problem)).isEqualTo(
                "{\"type\":\"https://agencyhub.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}");
    }

    @Test
    void instantsAreRfc3339AndEnumsUseTheirWireValues() {
        OffsetDateTime created = OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.UTC);
        AgencyDto agency = new AgencyDto(UUID.fromString("0b8f5e2a-7c41-4d2e-9f63-5a1b2c3d4e5f"), "Northwind Social",
                "northwind-social", "Europe/Berlin", "de-DE", AgencyStatusDto.ACTIVE, created, created, 0L);

        assertThat(json.writeValueAsString(agency))
                .contains("\"createdAt\":\"2026-03-02T09:15:00Z\"", "\"status\":\"active\"", "\"version\":0");
    }

    @Test
    void patchBodyRejectsExplicitNullAndKeepsAbsentPropertiesUnset() {
        AgencyUpdateDto rename = json.readValue("{\"name\":\"Northwind Social GmbH\"}", AgencyUpdateDto.class);

        assertThat(rename.getName()).isEqualTo("Northwind Social GmbH");
        assertThat(rename.getDefaultZone()).isNull();
        assertThatThrownBy(() -> json.readValue("{\"name\":null}", AgencyUpdateDto.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void unknownPropertiesAreIgnoredByJackson3Defaults() {
        // The request schemas say additionalProperties: false, but neither the DTOs nor Jackson 3's defaults
        // enforce it: a backend that wants 400 here must enable FAIL_ON_UNKNOWN_PROPERTIES itself.
        AgencyUpdateDto update = json.readValue("{\"name\":\"X\",\"slug\":\"other\"}", AgencyUpdateDto.class);

        assertThat(update.getName()).isEqualTo("X");
    }
}
