package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.security.Actor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** A brand's full export: the brand itself and every contributed {@link BrandExportSection}, streamed lazily. */
@Service
public class BrandExports {

    private final Brands brands;
    private final List<BrandExportSection> sections;

    public BrandExports(Brands brands, List<BrandExportSection> sections) {
        this.brands = brands;
        this.sections = List.copyOf(sections);
        if (new HashSet<>(sections.stream().map(BrandExportSection::name).toList()).size() != sections.size()) {
            throw new IllegalStateException("Two brand export sections share a name");
        }
    }

    public record Export(Brand brand, List<Section> sections) {
    }

    /** A named section whose rows are read only when the export is written. */
    public record Section(String name, Flux<Map<String, Object>> rows) {
    }

    public Mono<Export> export(Actor actor, BrandId id) {
        TenantId tenant = actor.requireTenant();
        return brands.get(actor, id).map(brand -> new Export(brand, sections.stream()
                .map(section -> new Section(section.name(), Flux.defer(() -> section.rows(tenant, id))))
                .toList()));
    }
}
