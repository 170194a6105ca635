package com.agencyhub.brands.web;

import com.agencyhub.brands.BrandExports;
import com.agencyhub.shared.security.Actor;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a brand export as one JSON document, section by section and row by row, so that a brand with a long
 * history is never held in memory. The generated interface returns a DTO; this writes the response itself.
 */
@Component
class BrandExportWriter {

    static final String FORMAT = "agencyhub.brand-export/1";

    private final JsonMapper json;

    BrandExportWriter(JsonMapper json) {
        this.json = json;
    }

    Mono<Void> write(ServerHttpResponse response, BrandExports.Export export, Actor viewer) {
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentDisposition(ContentDisposition.attachment()
                .filename("brand-" + export.brand().id() + ".json").build());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("format", FORMAT);
        head.put("exportedAt", Instant.now().toString());
        head.put("brand", BrandDtos.of(export.brand(), viewer));
        String opening = json.writeValueAsString(head);
        Flux<String> document = Flux.concat(
                Mono.just(opening.substring(0, opening.length() - 1) + ",\"sections\":{"),
                Flux.fromIterable(export.sections()).index()
                        .concatMap(section -> section(section.getT1() == 0, section.getT2())),
                Mono.just("}}"));
        DataBufferFactory buffers = response.bufferFactory();
        return response.writeWith(document.map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    private Flux<String> section(boolean first, BrandExports.Section section) {
        return Flux.concat(
                Mono.just((first ? "" : ",") + json.writeValueAsString(section.name()) + ":["),
                section.rows().index().map(row -> (row.getT1() == 0 ? "" : ",") + json.writeValueAsString(row.getT2())),
                Mono.just("]"));
    }
}
