package com.agencyhub.calendar.web;

import com.agencyhub.api.PlanAdherenceApi;
import com.agencyhub.api.model.AdherenceTotalsDto;
import com.agencyhub.api.model.AgencyPlanAdherenceDto;
import com.agencyhub.api.model.BrandAdherenceSummaryDto;
import com.agencyhub.api.model.BrandPlanAdherenceDto;
import com.agencyhub.api.model.PillarAdherenceDto;
import com.agencyhub.api.model.PlatformAdherenceDto;
import com.agencyhub.api.model.WeekAdherenceDto;
import com.agencyhub.calendar.AdherenceTotals;
import com.agencyhub.calendar.BrandAdherence;
import com.agencyhub.calendar.PlanAdherenceReports;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.tenancy.Agencies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

@RestController
class PlanAdherenceController implements PlanAdherenceApi {

    private final PlanAdherenceReports reports;
    private final Agencies agencies;

    PlanAdherenceController(PlanAdherenceReports reports, Agencies agencies) {
        this.reports = reports;
        this.agencies = agencies;
    }

    @Override
    public Mono<ResponseEntity<BrandPlanAdherenceDto>> getBrandPlanAdherence(UUID brandId, String week, Integer weeks,
                                                                            ServerWebExchange exchange) {
        IsoWeek first = week == null ? null : parseWeek(week);
        return CurrentActor.get()
                .flatMap(actor -> reports.brand(actor, new BrandId(brandId), first, weeks))
                .map(adherence -> ResponseEntity.ok(dto(adherence)));
    }

    @Override
    public Mono<ResponseEntity<AgencyPlanAdherenceDto>> listPlanAdherence(String week, Integer weeks,
                                                                         Boolean behindOnly, Integer limit,
                                                                         ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> (week != null ? Mono.just(parseWeek(week))
                        : agencies.own(actor.requireTenant()).map(agency -> IsoWeek.of(LocalDate.now(agency.defaultZone()))))
                .flatMap(first -> reports.agency(actor, first, weeks, behindOnly, limit)
                        .map(standings -> ResponseEntity.ok(new AgencyPlanAdherenceDto(first.toString(),
                                first.plusWeeks(weeks - 1).toString(), standings.stream()
                                .map(standing -> new BrandAdherenceSummaryDto(standing.brand().id().value(),
                                        standing.brand().name(), standing.brand().zone().getId(),
                                        standing.adherence().strategyVersion(), totals(standing.adherence().totals())))
                                .toList())))));
    }

    private static IsoWeek parseWeek(String text) {
        return IsoWeek.parse(text).orElseThrow(() -> ApiProblem.invalidField("week",
                "must be an ISO week such as 2027-W10 that exists", "iso-week"));
    }

    private static BrandPlanAdherenceDto dto(BrandAdherence adherence) {
        return new BrandPlanAdherenceDto(adherence.brand().value(), adherence.zone().getId(),
                adherence.strategyVersion(), adherence.firstWeek().toString(), adherence.lastWeek().toString(),
                adherence.firstWeek().monday(), adherence.lastWeek().monday().plusWeeks(1),
                totals(adherence.totals()),
                adherence.weeks().stream().map(week -> new WeekAdherenceDto(week.week().toString(),
                        week.week().monday(), week.week().monday().plusWeeks(1), totals(week.totals()),
                        week.platforms().stream().map(platform -> platform(platform.platform(), platform.totals()))
                                .toList())).toList(),
                adherence.pillars().stream().map(share -> new PillarAdherenceDto(share.pillar(),
                        share.targetSharePercent(), share.posts(), number(share.actualSharePercent()))).toList());
    }

    private static AdherenceTotalsDto totals(AdherenceTotals totals) {
        return new AdherenceTotalsDto(number(totals.promised()), totals.planned(), totals.approved(),
                totals.published(), number(totals.deficit()), number(totals.surplus()));
    }

    private static PlatformAdherenceDto platform(String platform, AdherenceTotals totals) {
        return new PlatformAdherenceDto(platform, number(totals.promised()), totals.planned(), totals.approved(),
                totals.published(), number(totals.deficit()), number(totals.surplus()));
    }

    /** Whole numbers as such, others to two decimals (sums of fractional promises are not exact in binary). */
    private static BigDecimal number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        return rounded.signum() == 0 || rounded.stripTrailingZeros().scale() <= 0
                ? BigDecimal.valueOf(rounded.longValue()) : rounded.stripTrailingZeros();
    }
}
