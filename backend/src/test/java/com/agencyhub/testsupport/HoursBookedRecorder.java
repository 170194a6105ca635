package com.agencyhub.testsupport;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.timesheets.HoursBooked;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener like billing's: records which brand-months timesheets said it changed, per agency. */
public class HoursBookedRecorder implements HoursBooked {

    private final Map<TenantId, List<String>> told = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> booked(TenantId tenant, BrandId brand, YearMonth month) {
        return Mono.fromRunnable(() -> told.computeIfAbsent(tenant, agency -> new CopyOnWriteArrayList<>())
                .add(brand + " " + month));
    }

    /** What the agency's writes told so far, in order, as "brand-id yyyy-MM". */
    public List<String> told(TenantId tenant) {
        return List.copyOf(told.getOrDefault(tenant, List.of()));
    }
}
