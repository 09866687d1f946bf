package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Violation;
import io.shieldfab.recipe.rest.dto.LifecycleRequest;
import io.shieldfab.support.problem.InvalidInputException;
import io.shieldfab.support.problem.JsonPaths;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Binds the optional approve/release body: no body at all (and no Content-Type, as curl sends a bare
 * {@code -X POST}) is an empty request, so the JSON reader's 415 never reaches such a caller; otherwise the body is
 * JSON of any declared media type, as the API has always accepted (docs/api-guide.md, "Recipes"). The request
 * arrives checked: malformed JSON, a field of the wrong type or a comment breaking its rules is a 400 naming it.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class LifecycleBodyReader implements MessageBodyReader<LifecycleRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == LifecycleRequest.class;
    }

    @Override
    public LifecycleRequest readFrom(Class<LifecycleRequest> type, Type genericType, Annotation[] annotations,
                                     MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        LifecycleRequest request = text.isBlank() ? null : parse(text);
        if (request == null) {
            return LifecycleRequest.EMPTY;
        }
        List<Violation> violations = request.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return request;
    }

    private static LifecycleRequest parse(String text) {
        try {
            return JSON.readValue(text, LifecycleRequest.class);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw notLifecycleJson();
            }
            throw new InvalidInputException(List.of(new Violation(JsonPaths.of(e), "must be a string")));
        } catch (JsonProcessingException e) {
            throw notLifecycleJson();
        }
    }

    private static InvalidInputException notLifecycleJson() {
        return new InvalidInputException(List.of(new Violation("$", "the body must be JSON like {\"comment\": \"text\"}")));
    }
}
