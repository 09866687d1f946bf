package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.CreatedDocument;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.LayoutClient;
import io.shieldfab.gateway.client.LayoutResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * The first step: the design's layout, made once (its id is saved as soon as its answer is in the work folder, so a
 * repeated attempt fetches the document instead of asking again). That one file goes to shielding and recipe and
 * into the bundle.
 */
@ApplicationScoped
class LayoutStep {

    static final String NAME = "layout";

    /**
     * The layout: what the gateway reads of it, its file in the work folder, the document as shielding and recipe
     * receive it, and the API version layout-service named when it made it (null when this attempt fetched a layout
     * an earlier one made).
     */
    record LaidOut(LayoutResult layout, BundleBuilder.Entry file, JsonNode document, String apiVersion) {
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
        if (h.layoutId == null) {
            CreatedDocument answer = layout.create(h.id, h.submittedBy, design);
            BundleBuilder.Entry file = assembler.download("layout.json", answer.body(), folder);
            JsonNode document = assembler.parse(file);
            LayoutResult created = DownstreamException.requireId(mapper.treeToValue(document, LayoutResult.class),
                    LayoutResult::id, "layout-service");
            progress.save(lease, x -> x.layoutId = created.id());
            return new LaidOut(created, file, document, answer.apiVersion());
        }
        BundleBuilder.Entry file = assembler.download("layout.json", layout.json(h.layoutId), folder);
        JsonNode document = assembler.parse(file);
        return new LaidOut(mapper.treeToValue(document, LayoutResult.class), file, document, null);
    }
}
