package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.LayoutClient;
import io.shieldfab.gateway.client.LayoutResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * The first step: the design's layout, made once (its id is saved at once, so a repeated attempt fetches it
 * instead of asking again), then its document fetched to the work folder. That one file goes to shielding and
 * recipe and into the bundle.
 */
@ApplicationScoped
class LayoutStep {

    static final String NAME = "layout";

    /**
     * The layout: what the gateway reads of it, its file in the work folder, and the document as shielding and
     * recipe receive it.
     */
    record LaidOut(LayoutResult layout, BundleBuilder.Entry file, JsonNode document) {
    }

    private final LayoutClient layout;
    private final BundleAssembler assembler;
    private final HandoffProgress progress;
    private final ObjectMapper mapper;

    LayoutStep(LayoutClient layout, BundleAssembler assembler, HandoffProgress progress, ObjectMapper mapper) {
        this.layout = layout;
        this.assembler = assembler;
        this.progress = progress;
        this.mapper = mapper;
    }

    LaidOut run(Handoff h, Lease lease, JsonNode design, WorkFolders.Folder folder) throws IOException {
        String layoutId = h.layoutId;
        if (layoutId == null) {
            LayoutResult created = DownstreamException.requireId(layout.create(h.id, h.submittedBy, design),
                    LayoutResult::id, "layout-service");
            layoutId = created.id();
            progress.save(lease, x -> x.layoutId = created.id());
        }
        BundleBuilder.Entry file = assembler.download("layout.json", layout.json(layoutId), folder);
        JsonNode document = assembler.parse(file);
        return new LaidOut(mapper.treeToValue(document, LayoutResult.class), file, document);
    }
}
