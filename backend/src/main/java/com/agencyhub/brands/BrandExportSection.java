package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import reactor.core.publisher.Flux;

import java.util.Map;

/**
 * One section of a brand's export, contributed by the module that owns the data (as with {@link ReadinessCheck}):
 * a name, unique across sections, and the rows as JSON-ready maps, streamed so that large sections are never
 * held in memory.
 */
public interface BrandExportSection {

    /** The key of the section in the export document, e.g. {@code auditEvents}. */
    String name();

    Flux<Map<String, Object>> rows(TenantId tenant, BrandId brand);
}
