package com.agencyhub.inbox.web;

import com.agencyhub.api.ResponseTimesApi;
import com.agencyhub.api.model.CsvSeparatorDto;
import com.agencyhub.api.model.ResponseTimeReportDto;
import com.agencyhub.inbox.ResponseTimeReport;
import com.agencyhub.inbox.ResponseTimeReports;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.CsvWriter;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.UUID;

/** Response-time reports as JSON, CSV and PDF (docs/response-time-reports.md). */
@RestController
class ResponseTimesController implements ResponseTimesApi {

    private final ResponseTimeReports reports;

    ResponseTimesController(ResponseTimeReports reports) {
        this.reports = reports;
    }

    @Override
    public Mono<ResponseEntity<ResponseTimeReportDto>> getBrandResponseTimes(UUID brandId, String from, String to,
                                                                             ServerWebExchange exchange) {
        return brandReport(brandId, from, to).map(report -> ResponseEntity.ok(ResponseTimeDtos.report(report)));
    }

    @Override
    public Mono<ResponseEntity<ResponseTimeReportDto>> getAgencyResponseTimes(String from, String to,
                                                                              ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> reports.agency(actor, from, to))
                .map(report -> ResponseEntity.ok(ResponseTimeDtos.report(report)));
    }

    @Override
    public Mono<ResponseEntity<String>> exportBrandResponseTimes(UUID brandId, String from, String to,
                                                                 CsvSeparatorDto separator, Boolean bom,
                                                                 ServerWebExchange exchange) {
        char by = separator == CsvSeparatorDto.SEMICOLON ? ';' : ',';
        return brandReport(brandId, from, to).map(report -> ResponseEntity.ok().contentType(CsvWriter.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
                .body(ResponseTimeCsv.csv(report, by, Boolean.TRUE.equals(bom))));
    }

    /** The PDF is drawn with AWT, which blocks: on a worker thread, never on the event loop. */
    @Override
    public Mono<ResponseEntity<Resource>> getBrandResponseTimesPdf(UUID brandId, String from, String to,
                                                                   ServerWebExchange exchange) {
        return brandReport(brandId, from, to)
                .flatMap(report -> Mono.fromCallable(() -> ResponseTimePdf.pdf(report))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "pdf"))
                                .body((Resource) new ByteArrayResource(pdf))));
    }

    private Mono<ResponseTimeReport> brandReport(UUID brandId, String from, String to) {
        return CurrentActor.get().flatMap(actor -> reports.brand(actor, new BrandId(brandId), from, to));
    }

    private static String attachment(ResponseTimeReport report, String extension) {
        return ContentDisposition.attachment().filename("response-times-" + report.period().from() + "-to-"
                + report.period().to() + "." + extension).build().toString();
    }
}
