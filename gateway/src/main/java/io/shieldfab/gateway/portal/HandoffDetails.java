package io.shieldfab.gateway.portal;

import io.quarkus.qute.RawString;
import io.shieldfab.gateway.HandoffBundle;
import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.portal.PortalViews.HandoffDetail;
import io.shieldfab.gateway.portal.PortalViews.HandoffList;
import io.shieldfab.gateway.portal.PortalViews.HandoffRow;
import io.shieldfab.gateway.rest.dto.HandoffPage;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.gateway.service.HandoffOutcome;
import io.shieldfab.gateway.service.HandoffProblem;
import io.shieldfab.gateway.service.HandoffService;
import io.shieldfab.gateway.service.InvalidDesignException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads handoffs for the portal through {@link HandoffService} (so the portal sees exactly what the
 * API answers, owner checks included), with the facts a finished handoff stored ({@link OutcomeFacts}).
 */
@ApplicationScoped
public class HandoffDetails {

    private final HandoffService handoffs;
    private final GatewayConfig config;

    public HandoffDetails(HandoffService handoffs, GatewayConfig config) {
        this.handoffs = handoffs;
        this.config = config;
    }

    public HandoffList list(PortalSession session, String cursor) {
        HandoffPage page;
        try {
            page = handoffs.listForOwner(session.owner(), config.portal().pageSize(), blankToNull(cursor));
        } catch (InvalidDesignException badCursor) {
            throw new PortalRefusal(400, "Unknown page", "This link to a page of the list is not valid any more.");
        }
        List<HandoffRow> rows = page.items().stream().map(HandoffRow::of).toList();
        return new HandoffList(rows, blankToNull(cursor), page.nextCursor(), rows.stream().anyMatch(HandoffRow::active),
                config.portal().refreshInterval().toMillis());
    }

    public HandoffView view(PortalSession session, String id) {
        return handoffs.viewForOwner(session.owner(), id).orElseThrow(HandoffDetails::notFound);
    }

    /** The stored bundle of a SUCCEEDED handoff of this session's key. */
    public HandoffBundle bundle(PortalSession session, String id) {
        try {
            return handoffs.bundleForOwner(session.owner(), id).orElseThrow(HandoffDetails::notFound);
        } catch (HandoffProblem problem) {
            if (problem.problem().status() == 409) {
                throw new PortalRefusal(409, "Not ready yet", "The bundle exists once the handoff has succeeded.");
            }
            throw notFound();
        }
    }

    /**
     * Everything the handoff page shows. A SUCCEEDED handoff's facts are those stored when it finished
     * (docs/architecture.md, "Handoff pipeline"); only the layout drawing comes from the bundle, as the file the
     * fab downloads. A handoff that succeeded before facts were stored shows its verdict and downloads only.
     * {@code view} is one {@link #view} gave this session.
     */
    public HandoffDetail detail(PortalSession session, HandoffView view) {
        String id = view.id();
        HandoffRow row = HandoffRow.of(view);
        long refresh = config.portal().refreshInterval().toMillis();
        boolean succeeded = "SUCCEEDED".equals(view.status());
        boolean failed = "FAILED".equals(view.status());
        if (!succeeded) {
            return new HandoffDetail(row, PortalViews.Step.of(view), false, failed, view.lastError(), view.errors(), view.warnings(), view.verdict(), null,
                    List.of(), List.of(), List.of(), List.of(), null, null, List.of(), null, refresh,
                    PortalViews.WindowBar.of(view.openingWindow(), null, null));
        }
        HandoffBundle stored = bundle(session, id);
        RawString svg = BundleFiles.unzip(stored.content, Set.of("layout.svg")).file("layout.svg")
                .flatMap(InlineSvg::prepare).map(RawString::new).orElse(null);
        HandoffOutcome outcome = handoffs.outcomeForOwner(session.owner(), id).orElse(null);
        if (outcome == null) {
            return new HandoffDetail(row, PortalViews.Step.of(view), true, false, null, view.errors(), view.warnings(),
                    view.verdict(), view.verdict() == null ? "" : "Shielding verdict " + view.verdict() + ".", List.of(), List.of(), List.of(), List.of(),
                    "", svg, OutcomeFacts.bundleFiles(id, List.of()), PortalViews.size(stored.sizeBytes), refresh,
                    PortalViews.WindowBar.of(view.openingWindow(), null, null));
        }
        EvaluationResult report = outcome.shielding();
        EvaluationResult.Geometry g = report.geometry();
        boolean sized = g != null && g.openingLengthMm() != null && g.openingHeightMm() != null;
        return new HandoffDetail(row, PortalViews.Step.of(view), true, false, null, view.errors(), view.warnings(),
                report.verdict() == null ? view.verdict() : report.verdict(), OutcomeFacts.verdictSummary(report),
                OutcomeFacts.findings(report), OutcomeFacts.frequencies(report), OutcomeFacts.layoutFacts(outcome.layout()),
                OutcomeFacts.recipeFacts(outcome.recipe()), OutcomeFacts.recipeLine(outcome.recipe()), svg,
                OutcomeFacts.bundleFiles(id, outcome.files()), PortalViews.size(outcome.bundleSizeBytes()), refresh,
                PortalViews.WindowBar.of(HandoffView.OpeningWindow.of(report),
                        sized ? Math.min(g.openingLengthMm(), g.openingHeightMm()) : null,
                        sized ? Math.max(g.openingLengthMm(), g.openingHeightMm()) : null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static PortalRefusal notFound() {
        return new PortalRefusal(404, "Handoff not found", "There is no handoff with this id for the API key you signed in with.");
    }

    /** Whether {@code name} is a file the portal serves from a bundle. */
    static Optional<String> bundleFileName(String name) {
        return BundleFiles.DESCRIPTIONS.containsKey(name) ? Optional.of(name) : Optional.empty();
    }
}
