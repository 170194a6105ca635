package com.agencyhub.shared.web;

import com.agencyhub.shared.Page;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Answers with JSON rendered before the controller (by PostgreSQL), written as it is, with the headers the framework
 * writes for a DTO: a 200, the content type and length, and for a single resource its ETag (a 304 for a matching
 * {@code If-None-Match}). The controllers' generated interfaces return DTOs; they hand back none after this wrote
 * the response.
 */
public final class RenderedJson {

    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_CURSOR = "],\"nextCursor\":".getBytes(StandardCharsets.US_ASCII);

    private RenderedJson() {
    }

    /** Writes {@code json}, the resource whose strong ETag is {@code etag}. */
    public static Mono<Void> write(ServerWebExchange exchange, String etag, byte[] json) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().setETag(etag);
        if (exchange.checkNotModified(etag)) {
            return response.setComplete();
        }
        return send(response, response.bufferFactory().wrap(json));
    }

    /** Writes a page of items rendered as JSON, as the contract's pages are: {@code items} and {@code nextCursor}. */
    public static Mono<Void> writePage(ServerWebExchange exchange, Page<byte[]> page) {
        // cursors are base64url (Cursor): nothing in them needs escaping
        byte[] cursor = (page.nextCursor() == null ? "null" : "\"" + page.nextCursor() + "\"")
                .getBytes(StandardCharsets.US_ASCII);
        int length = ITEMS.length + NEXT_CURSOR.length + cursor.length + 1 + Math.max(0, page.items().size() - 1);
        for (byte[] item : page.items()) {
            length += item.length;
        }
        ServerHttpResponse response = exchange.getResponse();
        DataBuffer json = response.bufferFactory().allocateBuffer(length).write(ITEMS);
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                json.write((byte) ',');
            }
            json.write(page.items().get(i));
        }
        return send(response, json.write(NEXT_CURSOR).write(cursor).write((byte) '}'));
    }

    private static Mono<Void> send(ServerHttpResponse response, DataBuffer json) {
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(json.readableByteCount());
        return response.writeWith(Mono.just(json));
    }
}
