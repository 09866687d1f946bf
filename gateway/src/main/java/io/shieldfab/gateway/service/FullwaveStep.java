package io.shieldfab.gateway.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.ShieldingClient;
import io.shieldfab.gateway.client.Verification;
import io.shieldfab.gateway.client.VerificationRequest;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full-wave verification a handoff asked for (docs/api-guide.md, "Submit a handoff"): queued in shielding-service once the
 * report exists, waited for without holding a worker (the handoff is looked at again every
 * {@code shieldfab.handoff.fullwave-poll}), then its result and the model it ran kept as bundle files. The run's
 * outcome is data, not the handoff's: a FAILED run is bundled with its reason and the handoff still SUCCEEDS, since
 * the verdict rests on the analytic rules either way (docs/shielding.md, "Verification runs").
 */
@ApplicationScoped
class FullwaveStep {

    static final String NAME = "fullwave";

    /** The openEMS inputs of the run (can.xml, reference.xml, README.md), as shielding-service exports them. */
    static final String MODEL_FILE = "fullwave-model.zip";

    /** The run as shielding-service answers it: status, mesh, and the SE per checked frequency or why it failed. */
    static final String RESULT_FILE = "fullwave-verification.json";

    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED");

    private final ShieldingClient shielding;
    private final HandoffProgress progress;
    private final BundleAssembler assembler;
    private final GatewayConfig config;
    private final ObjectMapper mapper;

    FullwaveStep(ShieldingClient shielding, HandoffProgress progress, BundleAssembler assembler, GatewayConfig config,
                 ObjectMapper mapper) {
        this.shielding = shielding;
        this.progress = progress;
        this.assembler = assembler;
        this.config = config;
        this.mapper = mapper;
    }

    /** What the step reads of a run: only its state. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(String id, String status) {
    }

    /** True when {@code h} asked for a run that is queued or running: the handoff then waits (and nothing else runs). */
    boolean stillRunning(Handoff h, Lease lease) throws IOException {
        if (h.fullwaveMeshJson == null || h.verificationId == null) {
            return false;
        }
        State state;
        try (var in = shielding.verification(h.reportId, h.verificationId)) {
            state = mapper.readValue(in, State.class);
        }
        return waits(lease, h.verificationId, state.status());
    }

    /** True, and the handoff set to look again after {@code fullwave-poll}, while the run {@code id} has not finished. */
    private boolean waits(Lease lease, String id, String status) {
        if (FINISHED.contains(status)) {
            return false;
        }
        progress.waitFor(lease, NAME, "the full-wave verification " + id + " (" + status + ")",
                config.handoff().fullwavePoll());
        return true;
    }

    /**
     * The bundle files of the run {@code h} asked for: none when it asked for none; empty when the run was only
     * queued now or is not finished (the handoff waits); else the result and the model, kept in {@code folder}.
     */
    Optional<Map<String, BundleBuilder.Entry>> run(Handoff h, Lease lease, WorkFolders.Folder folder) throws IOException {
        if (h.fullwaveMeshJson == null) {
            return Optional.of(Map.of());
        }
        VerificationRequest mesh = mapper.readValue(h.fullwaveMeshJson, VerificationRequest.class);
        if (h.verificationId == null) {
            // Repeat-safe: a repeated attempt (a lost answer, another replica) gets the run queued the first time.
            Verification queued = shielding.verify(h.reportId, "handoff-" + h.id + "-fullwave", mesh);
            h = progress.save(lease, x -> x.verificationId = queued.id());
            if (waits(lease, queued.id(), queued.status())) {
                return Optional.empty();
            }
        }
        BundleBuilder.Entry result = assembler.download(RESULT_FILE, shielding.verification(h.reportId, h.verificationId), folder);
        if (waits(lease, h.verificationId, assembler.read(result, State.class).status())) {
            return Optional.empty();
        }
        Map<String, BundleBuilder.Entry> files = new LinkedHashMap<>();
        files.put(MODEL_FILE, assembler.download(MODEL_FILE, shielding.fullwaveModel(h.reportId, mesh), folder));
        files.put(RESULT_FILE, result);
        return Optional.of(files);
    }
}
