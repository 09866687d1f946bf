package io.shieldfab.layout.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.OutputEstimate;
import io.shieldfab.design.OutputLimits;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import io.shieldfab.layout.Layout;
import io.shieldfab.layout.config.LayoutConfig;
import io.shieldfab.layout.format.DxfWriter;
import io.shieldfab.layout.format.FormatLimitException;
import io.shieldfab.layout.format.GdsUnits;
import io.shieldfab.layout.format.GdsWriter;
import io.shieldfab.layout.format.SvgWriter;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutRule;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import io.shieldfab.layout.repository.LayoutRepository;
import io.shieldfab.support.config.OutputLimitsConfig;
import io.shieldfab.support.hashing.Sha256;
import io.shieldfab.support.idempotency.IdempotencyStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The transactional boundary: reads designs, generates and stores layouts, prepares files for streaming. */
@ApplicationScoped
public class LayoutService {

    /** Version of the geometry generator; part of every stored layout and of the files' ETags. */
    public static final String GENERATOR_VERSION = "1.1.0";
    public static final String BASE_PATH = "/api/v1/layouts";

    /** The file formats served. */
    public enum Format { GDS, DXF, SVG }

    /**
     * A created layout.
     *
     * @param id   layout id
     * @param json the layout document, as stored
     */
    public record Created(String id, String json) {
    }

    @Inject
    LayoutRepository repository;

    @Inject
    ObjectMapper mapper;

    @Inject
    LayoutConfig config;

    @Inject
    OutputLimitsConfig outputLimits;

    /** The design reader with this service's output limits (docs/design-document.md, "Output size"). */
    @Inject
    IdempotencyStore idempotency;

    @Inject
    LayoutMeters meters;

    /** Observed by LayoutMeters once the creation commits. */
    @Inject
    Event<Created> created;

    private DesignReader reader;

    @PostConstruct
    void init() {
        reader = DesignReader.create(outputLimits.limits());
    }

    /**
     * Reads the design (JSON or YAML by content type), generates the layout and stores design and layout.
     *
     * @throws InvalidDesignException    with every violation when the design is invalid or impossible to lay out
     * @throws PayloadTooLargeException  when the body is over the configured size
     */
    @Transactional
    public Created create(byte[] body, String contentType) {
        if (body != null && body.length > config.maxDesignBytes()) {
            throw new PayloadTooLargeException("The design document is " + body.length + " bytes; at most "
                    + config.maxDesignBytes() + " bytes are accepted.");
        }
        ReadResult read = reader.read(body, contentType);
        if (!read.valid()) {
            throw new InvalidDesignException(read.violations());
        }
        Design design = read.design();
        String designJson = DesignJson.write(design);
        LayoutSpec spec = LayoutSpec.from(design);
        List<Violation> impossible = LayoutGenerator.check(spec);
        if (!impossible.isEmpty()) {
            throw new InvalidDesignException(impossible);
        }
        PanelLayout layout = LayoutGenerator.generate(spec);
        List<Violation> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(layout.warnings());
        GdsUnits units = GdsWriter.units(layout);
        if (units.dbuNm() > 1) {
            warnings.add(new Violation("panel", "the panel exceeds ±2.147 m at a 1 nm GDSII database unit; the GDSII"
                    + " file uses " + units.dbuNm() + " nm and rounds coordinates to it"));
        }
        String id = UUID.randomUUID().toString();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var doc = LayoutDocuments.of(id, layout, LayoutMetrics.of(spec), createdAt, GENERATOR_VERSION, warnings,
                BASE_PATH + "/" + id);
        Layout entity = new Layout();
        entity.id = id;
        entity.designName = design.name();
        entity.revision = design.revision();
        entity.siteCount = design.siteCount();
        entity.createdAt = createdAt;
        entity.generatorVersion = GENERATOR_VERSION;
        entity.designSha256 = Sha256.hex(designJson);
        entity.designJson = designJson;
        entity.layoutJson = json(doc);
        repository.persist(entity);
        // with the layout, in its transaction (docs/api-guide.md §4)
        idempotency.storeWithCreation(BASE_PATH + "/" + id, entity.layoutJson);
        Created result = new Created(id, entity.layoutJson);
        created.fire(result);
        return result;
    }

    /** The stored layout document. */
    @Transactional
    public Optional<String> find(String id) {
        return repository.findByResourceId(id).map(l -> l.layoutJson);
    }

    /**
     * Regenerates the geometry from the stored design and returns a file that streams it. Deterministic: the
     * same layout gives the same bytes, so the ETag is a hash of what determines them.
     *
     * @throws FormatLimitException when a flat file would exceed the configured site count, or the file would
     *                              exceed the output limits (they may have been lowered since the layout was made)
     */
    @Transactional
    public Optional<LayoutFile> file(String id, Format format, boolean flat) {
        Optional<Layout> found = repository.findByResourceId(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Layout l = found.get();
        // Read without the output limits: the stored design passed them when the layout was made; the one file
        // asked for is checked against the limits in force now.
        ReadResult read = DesignReader.create().read(l.designJson.getBytes(StandardCharsets.UTF_8), "application/json");
        if (!read.valid()) {
            throw new IllegalStateException("stored design of layout " + id + " no longer reads: " + read.violations());
        }
        LayoutSpec spec = LayoutSpec.from(read.design());
        boolean flatFile = format == Format.DXF || (format == Format.GDS && flat);
        if (flatFile && spec.siteCount() > config.maxFlatSites()) {
            throw new FormatLimitException(LayoutRule.FLAT_OUTPUT_SITE_LIMIT, "A flat " + format + " file is generated"
                    + " for at most " + config.maxFlatSites() + " sites; this panel has " + spec.siteCount()
                    + ". Use the hierarchical GDSII (without flat=true).");
        }
        checkOutputSize(OutputEstimate.of(read.design()), format, flat);
        PanelLayout layout = LayoutGenerator.generate(spec);
        Instant createdAt = createdAt(l);
        String base = fileBase(l);
        String etag = "\"" + Sha256.hex(GENERATOR_VERSION + "|" + format + "|" + flatFile + "|" + createdAt + "|"
                + l.designJson).substring(0, 32) + "\"";
        return Optional.of(switch (format) {
            case GDS -> new LayoutFile("application/octet-stream", base + (flat ? "-flat" : "") + ".gds", etag,
                    meters.counted(format, out -> GdsWriter.write(layout, flat, createdAt, out)));
            case DXF -> new LayoutFile("image/vnd.dxf", base + ".dxf", etag,
                    meters.counted(format, out -> DxfWriter.write(layout, out)));
            case SVG -> new LayoutFile("image/svg+xml", base + ".svg", etag,
                    meters.counted(format, out -> SvgWriter.write(layout, LayoutMetrics.of(spec), out)));
        });
    }

    /**
     * Refuses a file whose estimated size exceeds the output limits in force (rule {@code OUTPUT_SIZE_LIMIT}): a
     * layout stored before the limits were lowered would otherwise still be written in full.
     */
    private void checkOutputSize(OutputEstimate estimate, Format format, boolean flat) {
        OutputLimits limits = outputLimits.limits();
        long bytes;
        long limit;
        String name;
        switch (format) {
            case DXF -> {
                bytes = estimate.dxfBytes();
                limit = limits.maxDxfBytes();
                name = "DXF";
            }
            case SVG -> {
                bytes = estimate.svgBytes();
                limit = limits.maxSvgBytes();
                name = "SVG";
            }
            default -> {
                bytes = flat ? estimate.flatGdsBytes() : estimate.gdsBytes();
                limit = flat ? limits.maxFlatGdsBytes() : limits.maxGdsBytes();
                name = flat ? "flat GDSII" : "GDSII";
            }
        }
        boolean flatFile = format == Format.DXF || (format == Format.GDS && flat);
        if (bytes > limit || (flatFile && estimate.shapes() > limits.maxShapes())) {
            throw new FormatLimitException(LayoutRule.OUTPUT_SIZE_LIMIT, "The " + name + " file of this layout would"
                    + " be up to " + OutputEstimate.bytes(bytes)
                    + (flatFile ? " with " + OutputEstimate.count(estimate.shapes()) + " shapes" : "")
                    + "; this service writes at most " + OutputEstimate.bytes(limit)
                    + (flatFile ? " and " + OutputEstimate.count(limits.maxShapes()) + " shapes" : "")
                    + " per file. Use the hierarchical GDSII, or a smaller panel.");
        }
    }

    /** The creation time as recorded in the layout document (the text is the source of truth, not the column). */
    private Instant createdAt(Layout l) {
        try {
            return Instant.parse(mapper.readTree(l.layoutJson).path("createdAt").asText());
        } catch (JsonProcessingException | DateTimeParseException e) {
            return l.createdAt.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    private static String fileBase(Layout l) {
        String name = l.designName + (l.revision == null || l.revision.isBlank() ? "" : "-" + l.revision);
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
