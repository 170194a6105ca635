package com.agencyhub.billing.web;

import com.agencyhub.api.HoursReportsApi;
import com.agencyhub.api.model.CsvSeparatorDto;
import com.agencyhub.api.model.HoursAgencyReportDto;
import com.agencyhub.api.model.HoursMemberReportDto;
import com.agencyhub.api.model.HoursReportDto;
import com.agencyhub.billing.BrandHoursReport;
import com.agencyhub.billing.HoursReports;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
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
import java.util.function.BiFunction;

/** The hours reports as JSON, CSV and PDF (docs/billing-reports.md). */
@RestController
class HoursReportsController implements HoursReportsApi {

    private final HoursReports reports;

    HoursReportsController(HoursReports reports) {
        this.reports = reports;
    }

    @Override
    public Mono<ResponseEntity<HoursReportDto>> getBrandHoursReport(UUID brandId, String month,
                                                                    ServerWebExchange exchange) {
        return brandReport(brandId, month, (actor, report) -> ResponseEntity.ok(HoursReportDtos.report(report,
                actor)));
    }

    @Override
    public Mono<ResponseEntity<String>> exportBrandHoursReport(UUID brandId, String month, CsvSeparatorDto separator,
                                                               Boolean bom, ServerWebExchange exchange) {
        char by = separator == CsvSeparatorDto.SEMICOLON ? ';' : ',';
        return brandReport(brandId, month, (actor, report) -> ResponseEntity.ok().contentType(CsvWriter.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
                .body(HoursReportCsv.csv(report, actor.isStaff(), by, Boolean.TRUE.equals(bom))));
    }

    /** PDFBox writes synchronously: on a worker thread, never on the event loop. */
    @Override
    public Mono<ResponseEntity<Resource>> getBrandHoursReportPdf(UUID brandId, String month,
                                                                 ServerWebExchange exchange) {
        return brandReport(brandId, month, (actor, report) -> report)
                .flatMap(report -> Mono.fromCallable(() -> HoursReportPdf.pdf(report))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "pdf"))
                                .body((Resource) new ByteArrayResource(pdf))));
    }

    @Override
    public Mono<ResponseEntity<HoursMemberReportDto>> getMemberHoursReport(String month,
                                                                           ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> reports.members(actor, month))
                .map(report -> ResponseEntity.ok(HoursReportDtos.members(report)));
    }

    @Override
    public Mono<ResponseEntity<HoursAgencyReportDto>> getAgencyHoursReport(String month,
                                                                           ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> reports.agency(actor, month))
                .map(report -> ResponseEntity.ok(HoursReportDtos.agency(report)));
    }

    private <T> Mono<T> brandReport(UUID brandId, String month, BiFunction<Actor, BrandHoursReport, T> answer) {
        return CurrentActor.get().flatMap(actor -> reports.brand(actor, new BrandId(brandId), month)
                .map(report -> answer.apply(actor, report)));
    }

    private static String attachment(BrandHoursReport report, String extension) {
        return ContentDisposition.attachment().filename("hours-" + report.month() + "." + extension).build()
                .toString();
    }
}
