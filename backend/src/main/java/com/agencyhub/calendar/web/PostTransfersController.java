package com.agencyhub.calendar.web;

import com.agencyhub.api.CalendarImportAndExportApi;
import com.agencyhub.api.model.CsvSeparatorDto;
import com.agencyhub.api.model.PostImportDto;
import com.agencyhub.api.model.PostStatusDto;
import com.agencyhub.brands.Brands;
import com.agencyhub.calendar.Post;
import com.agencyhub.calendar.PostId;
import com.agencyhub.calendar.PostImports;
import com.agencyhub.calendar.PostQuery;
import com.agencyhub.calendar.Posts;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.CsvReader;
import com.agencyhub.shared.web.CsvWriter;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.tenancy.Agencies;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Planned posts in and out as CSV (docs/content-calendar.md, "Import and export"): staff import a brand's file, all
 * rows or none; whoever may list posts exports them.
 */
@RestController
class PostTransfersController implements CalendarImportAndExportApi {

    /** The largest file an import reads. */
    static final int MOST_BYTES = 2 * 1024 * 1024;

    private final Posts posts;
    private final PostImports imports;
    private final PostCsvImport csvImport;
    private final Brands brands;
    private final Members members;
    private final Agencies agencies;

    PostTransfersController(Posts posts, PostImports imports, PostCsvImport csvImport, Brands brands, Members members,
                            Agencies agencies) {
        this.posts = posts;
        this.imports = imports;
        this.csvImport = csvImport;
        this.brands = brands;
        this.members = members;
        this.agencies = agencies;
    }

    /**
     * The file is read from the request itself, not through {@code body}: the codecs hold at most 256 KiB and decode
     * bytes that are no UTF-8 into replacement characters, where a file may have 2 MiB and must be UTF-8.
     */
    @Override
    public Mono<ResponseEntity<PostImportDto>> importBrandPosts(UUID brandId, Mono<String> body, Boolean dryRun,
                                                                CsvSeparatorDto separator,
                                                                ServerWebExchange exchange) {
        String charset = Optional.ofNullable(exchange.getRequest().getHeaders().getContentType())
                .map(type -> type.getParameter("charset")).orElse("utf-8");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return Mono.error(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Send the file as text/csv in UTF-8 (charset=utf-8).", List.of()));
        }
        boolean onlyCheck = Boolean.TRUE.equals(dryRun);
        return DataBufferUtils.join(exchange.getRequest().getBody(), MOST_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .zipWith(CurrentActor.get())
                .flatMap(request -> imports.plan(request.getT2(), new BrandId(brandId), onlyCheck,
                        zone -> rows(request.getT1(), separator, zone)))
                .map(outcome -> ResponseEntity.status(onlyCheck ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(new PostImportDto(outcome.planned(), outcome.dryRun(),
                                outcome.ids().stream().map(PostId::value).toList())))
                .onErrorMap(PostImports.RefusedException.class, refused -> invalid(refused.errors()))
                .onErrorMap(CsvReader.MalformedCsvException.class, malformed -> invalid(List.of(
                        new PostImports.RowError(malformed.line(), "file", malformed.getMessage(), malformed.code()))));
    }

    @Override
    public Mono<ResponseEntity<String>> exportBrandPosts(UUID brandId, String from, String to, PostStatusDto status,
                                                         String platform, String pillar, UUID assigneeId,
                                                         String campaign, String label, CsvSeparatorDto separator,
                                                         Boolean bom, ServerWebExchange exchange) {
        BrandId brand = new BrandId(brandId);
        return CurrentActor.get().flatMap(actor -> brands.get(actor, brand).flatMap(found -> file(actor,
                PostsController.query(from, to, found.settings().zone(), brand, status, platform, pillar, assigneeId,
                        campaign, label), slug(found.settings().name()), found.settings().zone(), separator, bom)));
    }

    @Override
    public Mono<ResponseEntity<String>> exportPosts(String from, String to, String zone, UUID brandId,
                                                    PostStatusDto status, String platform, String pillar,
                                                    UUID assigneeId, String campaign, String label,
                                                    CsvSeparatorDto separator, Boolean bom,
                                                    ServerWebExchange exchange) {
        ZoneId requested = zone == null ? null : Inputs.zone("zone", zone);
        return CurrentActor.get().flatMap(actor -> (requested != null ? Mono.just(requested)
                        : agencies.own(actor.requireTenant()).map(agency -> agency.defaultZone()))
                .flatMap(readIn -> file(actor, PostsController.query(from, to, readIn,
                        brandId == null ? null : new BrandId(brandId), status, platform, pillar, assigneeId, campaign,
                        label), "agency", readIn, separator, bom)));
    }

    private PostImports.Rows rows(byte[] file, CsvSeparatorDto separator, ZoneId zone) {
        String text = CsvReader.utf8(file);
        char by = separator == null ? CsvReader.separator(text) : separator(separator);
        List<CsvReader.Record> records = CsvReader.read(text, by, PostImports.MOST_ROWS + 1);
        if (records.size() > PostImports.MOST_ROWS + 1) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The file has more than " + PostImports.MOST_ROWS + " rows; split it.", List.of());
        }
        return csvImport.read(records, zone);
    }

    private Mono<ResponseEntity<String>> file(Actor actor, PostQuery query, String name, ZoneId zone,
                                              CsvSeparatorDto separator, Boolean bom) {
        return posts.export(actor, query).flatMap(found -> {
            Set<BrandId> brandIds = found.stream().map(Post::brand).collect(Collectors.toSet());
            Set<UserId> assignees = found.stream().map(post -> post.plan().assignee()).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            return Mono.zip(brands.names(actor.requireTenant(), brandIds), assignees.isEmpty()
                            ? Mono.just(Map.<UserId, String>of())
                            : members.emails(actor.requireTenant(), assignees))
                    .map(known -> PostCsvExport.csv(found, known.getT1(), known.getT2(),
                            separator == null ? ',' : separator(separator), Boolean.TRUE.equals(bom)));
        }).map(csv -> ResponseEntity.ok().contentType(CsvWriter.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-posts-" + query.from().atZone(zone).toLocalDate() + "-to-"
                                + query.to().atZone(zone).toLocalDate() + ".csv")
                        .build().toString())
                .body(csv));
    }

    private static char separator(CsvSeparatorDto separator) {
        return separator == CsvSeparatorDto.SEMICOLON ? ';' : ',';
    }

    /** A file-name part from a brand's name: lower-case ASCII letters and digits, runs of others as one dash. */
    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "brand" : slug;
    }

    /** 422 listing every error: the line, the column that holds the field (if one does), what is wrong. */
    private static ApiProblem invalid(List<PostImports.RowError> errors) {
        List<Map<String, Object>> listed = errors.stream().map(error -> {
            Optional<String> column = PostCsvColumn.holding(error.field()).map(PostCsvColumn::header)
                    .or(() -> Set.of("record", "file").contains(error.field()) ? Optional.empty()
                            : Optional.of(error.field()));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("field", column.orElse(error.field()));
            shown.put("line", error.line());
            column.ifPresent(name -> shown.put("column", name));
            shown.put("message", error.message());
            shown.put("code", error.code());
            return shown;
        }).toList();
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "csv-invalid", "Invalid CSV", errors.size()
                + (errors.size() == 1 ? " error" : " errors") + " in the file; nothing was imported.", List.of())
                .with("errors", listed);
    }
}
