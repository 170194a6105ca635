package com.agencyhub.shared.web;

import com.agencyhub.shared.db.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import com.agencyhub.shared.web.json.RefusedValueException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@code application/problem+json} answer: ours ({@link ApiProblem}), the
 * framework's (bad JSON, wrong types, unknown routes, media types, oversized bodies) and unexpected ones,
 * which are logged with an id and answered as 500 without internals. Runs before Spring Boot's own handler.
 */
@Component
@Order(-2)
public class ProblemHandling implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final ProblemWriter writer;

    public ProblemHandling(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (causedBy(error, AbortedException.class)) { // the client closed the connection: nobody to answer
            log.debug("Client went away during {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
            return Mono.empty();
        }
        return writer.write(exchange, toProblem(exchange, error));
    }

    ApiProblem toProblem(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ApiProblem problem) {
            return problem;
        }
        if (error instanceof WebExchangeBindException binding) {
            return ApiProblem.validation(binding.getFieldErrors().stream().map(ProblemHandling::violation).toList());
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than this endpoint accepts.", List.of());
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Send the body as " + unsupported.getSupportedMediaTypes().stream()
                    .map(Object::toString).collect(Collectors.joining(" or ")) + ".", List.of());
        }
        if (error instanceof NotAcceptableStatusException notAcceptable) {
            return new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                    "This endpoint answers with " + notAcceptable.getSupportedMediaTypes().stream()
                            .filter(type -> !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                            .map(Object::toString).findFirst().orElse("application/json") + ".", List.of());
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
            return new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "This path does not accept " + notAllowed.getHttpMethod() + ".", List.of());
        }
        if (error instanceof MissingRequestValueException missing) {
            return "If-Match".equalsIgnoreCase(missing.getName())
                    ? ApiProblem.preconditionRequired()
                    : ApiProblem.invalidField(missing.getName(), "is required", "required");
        }
        if (error instanceof HandlerMethodValidationException invalid) {
            Optional<ParameterValidationResult> ifMatch = invalid.getParameterValidationResults().stream()
                    .filter(result -> "If-Match".equalsIgnoreCase(parameterName(result))).findFirst();
            if (ifMatch.isPresent()) { // an empty If-Match is a missing one; any other unusable one is not current
                return ifMatch.get().getArgument() instanceof String tag && !tag.isBlank()
                        ? ApiProblem.preconditionFailed() : ApiProblem.preconditionRequired();
            }
            return ApiProblem.validation(invalid.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream().map(message -> new FieldViolation(
                            parameterName(result), message.getDefaultMessage(), "invalid")))
                    .toList());
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "There is no resource at this path.", List.of());
        }
        if (SqlErrors.isDatabaseUnavailable(error)) {
            log.warn("Database unavailable on {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error.toString());
            return ApiProblem.databaseUnavailable();
        }
        // safety nets: services check these cases themselves, the database has the last word
        if (SqlErrors.isUniqueViolation(error)) {
            return ApiProblem.conflict("The change conflicts with existing data.");
        }
        if (SqlErrors.isCheckViolation(error)) {
            return ApiProblem.badRequest("The change breaks a rule of the data model.");
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus known = HttpStatus.resolve(code.value());
            return new ApiProblem(known == null ? HttpStatus.BAD_REQUEST : known, "bad-request",
                    known == null ? "Bad request" : known.getReasonPhrase(), status.getReason(), List.of());
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {} on {} {}", incident, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; it was logged as incident " + incident + ".", List.of());
    }

    private static ApiProblem inputProblem(ServerWebInputException input) {
        JacksonException json = cause(input, JacksonException.class);
        if (json != null) {
            String path = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (path.isEmpty()) {
                return ApiProblem.badRequest("The request body is not valid JSON of the expected shape.");
            }
            if (json instanceof UnrecognizedPropertyException) {
                return ApiProblem.invalidField(path, "is not a property of this request", "unknown");
            }
            if (json instanceof InvalidNullException) {
                return ApiProblem.invalidField(path, "must not be null", "null");
            }
            if (json instanceof RefusedValueException refused) {
                return ApiProblem.invalidField(path, refused.reason(), refused.code());
            }
            return ApiProblem.invalidField(path, "has the wrong type or format", "type");
        }
        if (input.getCause() instanceof DecodingException) {
            return ApiProblem.badRequest("The request body could not be read.");
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            return ApiProblem.invalidField(input.getMethodParameter().getParameterName(),
                    "has the wrong type or format", "type");
        }
        return ApiProblem.badRequest(input.getReason());
    }

    private static String parameterName(ParameterValidationResult result) {
        RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
        RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        return result.getMethodParameter().getParameterName();
    }

    private static FieldViolation violation(FieldError error) {
        String code = error.getCode() == null ? "invalid" : error.getCode().toLowerCase();
        return new FieldViolation(error.getField(), error.getDefaultMessage(), code);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
