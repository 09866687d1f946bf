package io.shieldfab.shielding.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.shielding.Verification;
import io.shieldfab.support.rest.ResourceIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class VerificationRepository implements PanacheRepositoryBase<Verification, String> {

    /** The verification with this id of this evaluation, or empty (another evaluation's id names nothing here). */
    public Optional<Verification> findOf(String evaluationId, String id) {
        if (!ResourceIds.isValid(id) || !ResourceIds.isValid(evaluationId)) {
            return Optional.empty();
        }
        return find("id = ?1 and evaluationId = ?2", id, evaluationId).firstResultOptional();
    }

    /** An evaluation's verifications, newest first. */
    public List<Verification> listOf(String evaluationId) {
        return list("evaluationId = ?1 order by createdAt desc, id", evaluationId);
    }

    /** The newest SUCCEEDED verification of an evaluation: the one its report and chart show. */
    public Optional<Verification> latestSucceeded(String evaluationId) {
        return find("evaluationId = ?1 and status = ?2 order by createdAt desc, id", evaluationId,
                Verification.Status.SUCCEEDED).firstResultOptional();
    }

    /** The oldest queued verifications, at most {@code limit}. */
    public List<String> queued(int limit) {
        return getEntityManager().createQuery("select v.id from Verification v where v.status = :queued "
                        + "order by v.status, v.createdAt", String.class)
                .setParameter("queued", Verification.Status.QUEUED).setMaxResults(limit).getResultList();
    }

    /**
     * Takes a queued verification for this replica until {@code leaseUntil}: RUNNING, one start more. False when
     * another replica took it first.
     */
    public boolean claim(String id, Instant now, Instant leaseUntil) {
        return update("status = ?1, startedAt = ?2, leaseUntil = ?3, attempts = attempts + 1 where id = ?4 and status = ?5",
                Verification.Status.RUNNING, now, leaseUntil, id, Verification.Status.QUEUED) == 1;
    }

    /** Renews the lease of a running verification. */
    public void renew(String id, Instant leaseUntil) {
        update("leaseUntil = ?1 where id = ?2 and status = ?3", leaseUntil, id, Verification.Status.RUNNING);
    }

    /** Running verifications whose replica stopped renewing them. */
    public List<Verification> expired(Instant now) {
        return list("status = ?1 and leaseUntil < ?2", Verification.Status.RUNNING, now);
    }
}
