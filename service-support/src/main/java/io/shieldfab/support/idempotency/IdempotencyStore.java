package io.shieldfab.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;

/**
 * The service layer's side of {@code Idempotency-Key} (docs/api-guide.md §4): a creating service method, inside the
 * transaction that creates its artefact, stores the answer the client will get. The artefact and its stored answer
 * then commit together or not at all, so a crash or a cut database connection between two commits can never leave an
 * artefact without its answer, which the client's retry with the same key would turn into a second artefact.
 */
@ApplicationScoped
public class IdempotencyStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final IdempotentRequest request;

    public IdempotencyStore(AgroalDataSource dataSource, ObjectMapper mapper, IdempotentRequest request) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.request = request;
    }

    /**
     * Stores {@code 201 Created} with this Location and JSON body as the answer to the current request's key, in
     * the caller's transaction (the connection joins it); does nothing for a request without a key. If the insert
     * fails (the database went away, or a concurrent request with the same key stored its answer first) the creation
     * is rolled back with it and the client's retry gets the stored answer.
     *
     * @param location the path-absolute Location of the created artefact
     * @param entity   the response body: a JSON string as it is, anything else serialised as JSON
     */
    public void storeWithCreation(String location, Object entity) {
        storeAnswer(201, location, entity);
    }

    /**
     * Stores {@code 202 Accepted} with this Location and JSON body (work started, to be polled at Location), as
     * {@link #storeWithCreation} does.
     */
    public void storeWithAcceptance(String location, Object entity) {
        storeAnswer(202, location, entity);
    }

    private void storeAnswer(int status, String location, Object entity) {
        // no request context: called outside HTTP (a test, a start-up task), so there is no key to answer
        if (!Arc.container().requestContext().isActive() || !request.present()) {
            return;
        }
        store(request.key(), request.path(), request.fingerprint(), status, location, entity);
        request.markStored();
    }

    /** Stores {@code 201 Created} as the answer to this key, path and request fingerprint, in the caller's transaction. */
    public void store(String key, String path, String fingerprint, String location, Object entity) {
        store(key, path, fingerprint, 201, location, entity);
    }

    private void store(String key, String path, String fingerprint, int status, String location, Object entity) {
        try {
            IdempotentResponses.store(dataSource, key, path, fingerprint,
                    IdempotentResponses.answer(status, location, MediaType.APPLICATION_JSON, entity, mapper));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("The answer to Idempotency-Key could not be stored, so nothing was created; retry.", e);
        }
    }
}
