package com.agencyhub.contracts.web;

import com.agencyhub.api.QuotesApi;
import com.agencyhub.api.model.QuoteChangesDto;
import com.agencyhub.api.model.QuoteComparisonDto;
import com.agencyhub.api.model.QuoteDto;
import com.agencyhub.api.model.QuoteParametersDto;
import com.agencyhub.api.model.QuoteSettingsDto;
import com.agencyhub.contracts.QuoteSettings;
import com.agencyhub.contracts.Quotes;
import com.agencyhub.contracts.StoredQuoteParameters;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
class QuotesController implements QuotesApi {

    private final Quotes quotes;
    private final QuoteSettings settings;

    QuotesController(Quotes quotes, QuoteSettings settings) {
        this.quotes = quotes;
        this.settings = settings;
    }

    @Override
    public Mono<ResponseEntity<QuoteDto>> getQuote(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> quotes.quote(actor, new BrandId(brandId)))
                .map(quote -> ResponseEntity.ok(ContractDtos.quote(quote)));
    }

    @Override
    public Mono<ResponseEntity<QuoteComparisonDto>> quoteWhatIf(UUID brandId, Mono<QuoteChangesDto> body,
                                                                ServerWebExchange exchange) {
        return body.map(ContractRequests::changes).zipWith(CurrentActor.get())
                .flatMap(request -> quotes.whatIf(request.getT2(), new BrandId(brandId), request.getT1()))
                .map(comparison -> ResponseEntity.ok(ContractDtos.comparison(comparison)));
    }

    @Override
    public Mono<ResponseEntity<QuoteSettingsDto>> getQuoteSettings(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(settings::get).map(QuotesController::ok);
    }

    @Override
    public Mono<ResponseEntity<QuoteSettingsDto>> replaceQuoteSettings(String ifMatch, Mono<QuoteParametersDto> body,
                                                                       ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(ContractRequests::parameters).zipWith(CurrentActor.get())
                .flatMap(request -> settings.replace(request.getT2(), expectedVersion, request.getT1()))
                .map(QuotesController::ok);
    }

    private static ResponseEntity<QuoteSettingsDto> ok(StoredQuoteParameters stored) {
        return ResponseEntity.ok().eTag(ETags.of(stored.version())).body(ContractDtos.settings(stored));
    }
}
