package io.shieldfab.design.fuzz;

import io.shieldfab.design.DesignFormat;
import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import io.shieldfab.design.fuzz.DesignMutations.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input for {@link DesignReader} (docs/evidence.md): every document {@link DesignMutations} makes must read
 * to either a valid design or a list of violations, each naming a field a designer can find with a message
 * that names no code; never an exception, and never longer than {@link #PER_DOCUMENT} (a hang or an
 * exponential blow-up fails the try instead of stalling the build).
 *
 * <p>Property-based, with its own seeded generators instead of jqwik: jqwik 1.10 runs on JUnit Platform 1.x
 * while this build is on Platform 6 (Quarkus 3.33's BOM), and its authors ask that it not be used by AI coding
 * agents (user guide 1.10, "Note to coding agents"); see docs/evidence.md.
 */
class DesignReaderFuzzTest {

    /** Random multi-edit documents per run. */
    static final int RANDOM_DOCUMENTS = 2000;
    /** Longest a single read may take; the slowest legitimate read (a 1 MiB document) takes a few ms. */
    static final Duration PER_DOCUMENT = Duration.ofSeconds(5);

    static final long SEED = FuzzSeed.seed();
    static final DesignReader READER = DesignReader.create();
    static DesignMutations mutations;
    static final AtomicInteger tried = new AtomicInteger();
    static final AtomicInteger valid = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();

    /** Reads on a worker thread so that a read that hangs fails its try instead of the build. */
    static ExecutorService worker;

    @BeforeAll
    static void load() {
        mutations = DesignMutations.load();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "design-reader-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void summary() {
        worker.shutdownNow();
        FuzzSeed.report("design-model", tried.get() + " documents tried, " + valid.get() + " valid, " + refused.get()
                + " refused with violations, 0 exceptions, 0 over " + PER_DOCUMENT.toSeconds() + " s", SEED);
    }

    @Test
    void everyFieldReplacedByEveryHostileValueIsReadOrRefusedAtThatField() {
        List<Sample> samples = mutations.everyFieldTimesEveryValue(new SplittableRandom(SEED));
        assertThat(samples).hasSizeGreaterThan(1000);
        for (Sample sample : samples) {
            ReadResult result = read(sample);
            if (sample.mustBeRefusedAtField()) {
                assertThat(result.violations()).as("%s must be refused at %s; got %s", sample, sample.field(), result.violations())
                        .extracting(Violation::field).contains(sample.field());
            }
        }
    }

    @Test
    void randomEditsAreReadOrRefused() {
        for (Sample sample : mutations.randomEdits(new SplittableRandom(SEED), RANDOM_DOCUMENTS)) {
            read(sample);
        }
    }

    @Test
    void classicAttacksAreRefusedQuickly() {
        for (Sample sample : mutations.classicAttacks(new SplittableRandom(SEED ^ 0x5DEECE66DL))) {
            read(sample);
        }
    }

    @Test
    void yamlSpecialFloatsAreRefusedAtTheirFieldLikeJsonNaN() {
        String wifiYaml = DesignMutations.write(mutations.firstValid(), true);
        for (String special : new String[]{".nan", ".NaN", ".inf", "-.inf", "+.Inf", ".INF"}) {
            ReadResult result = READER.read(wifiYaml.replaceFirst("heightMm: [0-9.]+", "heightMm: " + special),
                    DesignFormat.YAML);
            assertThat(result.violations()).as(special).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("package.heightMm");
                assertThat(v.message()).startsWith("must be a finite number");
            });
        }
    }

    @Test
    void lengthsBelowTheLayoutGridAreRefusedAtTheirField() {
        String wifiJson = DesignMutations.write(mutations.firstValid(), false);
        ReadResult result = READER.read(wifiJson.replaceFirst("\"heightMm\"\\s*:\\s*[0-9.eE+-]+", "\"heightMm\": 1e-7"),
                DesignFormat.JSON);
        assertThat(result.violations()).extracting(Violation::field).contains("package.heightMm");
        assertThat(result.violations()).filteredOn(v -> v.field().equals("package.heightMm"))
                .allSatisfy(v -> assertThat(v.message()).contains("1 nm grid"));
    }

    @Test
    void unknownFieldsWithOddNamesAreNamedInBracketNotation() {
        String wifiJson = DesignMutations.write(mutations.firstValid(), false);
        String body = wifiJson.replaceFirst("\\{", "{\"\": 1, \" \": 2, \"a.b\": 3, \"" + "k".repeat(500) + "\": 4, ")
                .replace("\"rows\"", "\"x\\\"y\": 5, \"rows\"");
        ReadResult result = READER.read(body, DesignFormat.JSON);
        assertThat(result.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "[\"\"]", "[\" \"]", "[\"a.b\"]", "[\"" + "k".repeat(57) + "...\"]", "panel[\"x\\\"y\"]");
    }

    /** Reads a sample and checks the invariants; returns the result for sample-specific checks. */
    private ReadResult read(Sample sample) {
        tried.incrementAndGet();
        ReadResult result;
        Future<ReadResult> reading = worker.submit(() -> READER.read(sample.body(), sample.contentType()));
        try {
            result = reading.get(PER_DOCUMENT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new AssertionError("seed " + SEED + ": reading took longer than " + PER_DOCUMENT + ": " + sample);
        } catch (ExecutionException e) {
            throw new AssertionError("seed " + SEED + ": the reader threw on " + sample, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (result.valid()) {
            valid.incrementAndGet();
            // a valid design writes to canonical JSON that reads back to the same design
            ReadResult again = READER.read(DesignJson.write(result.design()), DesignFormat.JSON);
            assertThat(again.valid()).as("seed %d: canonical JSON of %s reads back", SEED, sample).isTrue();
            assertThat(again.design()).as("seed %d: round trip of %s", SEED, sample).isEqualTo(result.design());
        } else {
            refused.incrementAndGet();
            assertThat(result.violations()).as("seed %d: %s", SEED, sample).isNotEmpty();
            for (Violation v : result.violations()) {
                assertThat(v.field()).as("seed %d: field of %s in %s", SEED, v, sample).isNotBlank();
                assertThat(mutations.relevantField(v.field()))
                        .as("seed %d: %s names a field that is neither $, a design field, nor in %s", SEED, v, sample)
                        .isTrue();
                assertThat(v.message()).as("seed %d: message of %s", SEED, v).isNotBlank()
                        .doesNotContain("Exception", "com.fasterxml", "org.yaml", "java.", "\tat ");
            }
        }
        for (Violation w : result.warnings()) {
            assertThat(w.field()).isNotBlank();
            assertThat(w.message()).isNotBlank();
        }
        return result;
    }
}
