package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.support.rest.ResourceIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class HandoffRepository implements PanacheRepositoryBase<Handoff, String> {

    /**
     * Handoffs with work due now (a step or a webhook) whose lease is free or expired, the longest due first. One
     * query per kind of work and status, each read in the order of its index (handoff_work_idx on (status,
     * next_attempt_at), handoff_webhook_idx on (webhook_state, webhook_next_at)) and stopped after {@code max} rows:
     * the cost of a poll does not grow with the queue (a burst of a thousand submissions), nor with the finished
     * handoffs the table keeps. The ORDER BY names the index's columns from the first (the status is one value
     * here): H2 reads an index in order only for a prefix of it. Ordering by creation time instead made the
     * database read and sort every open handoff on each poll; one query with an OR of both kinds read every
     * handoff ever submitted (HandoffQueryPlanTest).
     */
    public List<String> due(Instant now, int max) {
        List<Object[]> rows = new ArrayList<>();
        for (Handoff.Status open : List.of(Handoff.Status.QUEUED, Handoff.Status.RUNNING)) {
            rows.addAll(getEntityManager().createQuery("""
                    select h.id, h.nextAttemptAt from Handoff h
                    where h.status = :status and h.nextAttemptAt <= :now and (h.leaseUntil is null or h.leaseUntil < :now)
                    order by h.status, h.nextAttemptAt""", Object[].class)
                    .setParameter("status", open).setParameter("now", now).setMaxResults(max).getResultList());
        }
        rows.addAll(getEntityManager().createQuery("""
                select h.id, h.webhookNextAt from Handoff h
                where h.webhookState = :pending and h.webhookNextAt <= :now and (h.leaseUntil is null or h.leaseUntil < :now)
                order by h.webhookState, h.webhookNextAt""", Object[].class)
                .setParameter("pending", Handoff.WebhookState.PENDING).setParameter("now", now).setMaxResults(max)
                .getResultList());
        Comparator<Object[]> longestDueFirst = Comparator.comparing((Object[] row) -> (Instant) row[1])
                .thenComparing(row -> (String) row[0]);
        return rows.stream().sorted(longestDueFirst).map(row -> (String) row[0]).distinct().limit(max).toList();
    }

    /** Handoffs waiting or running, on every replica (the queue depth). */
    public long countByStatus(Handoff.Status status) {
        return count("status", status);
    }

    public long countOpen() {
        return count("status in ?1", List.of(Handoff.Status.QUEUED, Handoff.Status.RUNNING));
    }

    /** Open handoffs: all of them (shieldfab.handoff.max-queued) and those of one owner (max-open-per-key). */
    public record OpenCounts(long all, long owner) {
    }

    /**
     * Both counts a submission checks (the per-key cap and the queue bound) in one pass over the open handoffs
     * (handoff_status_owner_idx): two counts read the open rows twice, and a burst of submissions reads them once
     * per submission (docs/benchmarks.md, "Handoff cost").
     */
    public OpenCounts countOpenOfAllAnd(String owner) {
        Object[] row = getEntityManager().createQuery("""
                select count(h), coalesce(sum(case when h.ownerKeyHash = :owner then 1 else 0 end), 0)
                from Handoff h where h.status in :open""", Object[].class)
                .setParameter("owner", owner)
                .setParameter("open", List.of(Handoff.Status.QUEUED, Handoff.Status.RUNNING))
                .getSingleResult();
        return new OpenCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Takes the lease of one handoff if it is free or expired: a compare-and-set in one UPDATE, so
     * two replicas racing for the same row cannot both win (the database serialises the writes). A QUEUED handoff
     * becomes RUNNING in the same write: the worker that leases it starts its steps at once ({@link #due} offers a
     * QUEUED handoff only when its first attempt is due).
     */
    public boolean tryLease(String id, String owner, Instant now, Instant until) {
        return update("""
                leaseOwner = :owner, leaseUntil = :until,
                  status = case when status = :queued then :running else status end,
                  updatedAt = case when status = :queued then :now else updatedAt end
                where id = :id and (leaseUntil is null or leaseUntil < :now)""",
                Parameters.with("owner", owner).and("until", until).and("id", id).and("now", now)
                        .and("queued", Handoff.Status.QUEUED).and("running", Handoff.Status.RUNNING)) == 1;
    }

    /** Extends the leases this owner still holds. */
    public int renew(Collection<String> ids, String owner, Instant until) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("leaseUntil = :until where id in :ids and leaseOwner = :owner",
                Parameters.with("until", until).and("ids", ids).and("owner", owner));
    }

    public int release(String id, String owner) {
        return update("leaseOwner = null, leaseUntil = null where id = :id and leaseOwner = :owner",
                Parameters.with("id", id).and("owner", owner));
    }

    /** One page of an owner's handoffs, newest first, after the keyset cursor (createdAt, id). */
    public List<Handoff> page(String ownerKeyHash, Instant beforeCreatedAt, String beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return find("ownerKeyHash = ?1 order by createdAt desc, id desc", ownerKeyHash).page(0, limit).list();
        }
        return find("ownerKeyHash = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                ownerKeyHash, beforeCreatedAt, beforeId).page(0, limit).list();
    }

    /** The handoff with this id, or empty when there is none or the id is not a resource id (ResourceIds). */
    public Optional<Handoff> findByResourceId(String id) {
        return ResourceIds.isValid(id) ? findByIdOptional(id) : Optional.empty();
    }
}
