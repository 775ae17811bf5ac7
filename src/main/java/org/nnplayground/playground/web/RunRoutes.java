package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.export.BoundaryPng;
import org.nnplayground.playground.export.KerasScript;
import org.nnplayground.playground.export.LossesCsv;
import org.nnplayground.playground.export.TfjsModel;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.RunHistory;
import org.nnplayground.playground.session.RunPlan;
import org.nnplayground.playground.session.RunPlanner;
import org.nnplayground.playground.session.RunSnapshot;
import org.nnplayground.playground.session.TrainingRun;
import org.nnplayground.playground.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Saved runs over HTTP: the short link {@code /r/{id}} (the page, which then loads the run over its
 * socket), the run as JSON, its exports, and {@code POST /api/runs} to save a run headless.
 * Unknown ids answer 404, a store that is down 503, each with a message in plain words.
 */
final class RunRoutes {
    /** Most epochs a headless save trains. */
    static final int MAX_POST_EPOCHS = 1000;
    /**
     * Most parameters x training samples x epochs one request may train, about 5 s of one core:
     * it runs on the request's thread, so it stays short.
     */
    static final long MAX_POST_WORK = 2_000_000_000L;
    /**
     * Largest {@code POST /api/runs} body: a CSV at its limit, with room for its JSON escapes (a quote
     * or a line break takes two bytes) and the other fields.
     */
    static final int MAX_POST_BYTES = CsvImport.MAX_BYTES + CsvImport.MAX_BYTES / 4;

    private final SavedRuns runs;
    private final ObjectMapper mapper;
    private final String page;
    private final ExportCache exports = new ExportCache();

    private RunRoutes(SavedRuns runs, ObjectMapper mapper, String page) {
        this.runs = runs;
        this.mapper = mapper;
        this.page = page;
    }

    /** Declares the routes (docs/protocol.md). */
    static void add(RoutesConfig routes, SavedRuns runs, ObjectMapper mapper, String page) {
        RunRoutes r = new RunRoutes(runs, mapper, page);
        routes.get("/r/{id}", r::page);
        routes.get("/api/runs/{id}", ctx -> r.withRun(ctx, (id, s, run) -> ctx.contentType("application/json")
                .result(mapper.writeValueAsString(RunJson.of(mapper, id, s, run)))));
        routes.get("/api/runs/{id}/keras.py", ctx -> r.export(ctx, "keras.py", "text/x-python; charset=utf-8", "playground-{id}.py",
                (id, s, run) -> KerasScript.of(run, "Keras script of saved run " + id).getBytes(StandardCharsets.UTF_8)));
        routes.get("/api/runs/{id}/tfjs/model.json", ctx -> r.export(ctx, "model.json", "application/json", "model.json",
                (id, s, run) -> TfjsModel.modelJson(run).getBytes(StandardCharsets.UTF_8)));
        routes.get("/api/runs/{id}/tfjs/" + TfjsModel.WEIGHTS_FILE, ctx -> r.export(ctx, TfjsModel.WEIGHTS_FILE, "application/octet-stream",
                TfjsModel.WEIGHTS_FILE, (id, s, run) -> TfjsModel.weights(run)));
        routes.get("/api/runs/{id}/losses.csv", ctx -> r.export(ctx, "losses.csv", "text/csv; charset=utf-8", "losses-{id}.csv",
                (id, s, run) -> LossesCsv.of(s.history(), run.split().source().numClasses() > 0).getBytes(StandardCharsets.UTF_8)));
        routes.get("/api/runs/{id}/boundary.png", ctx -> r.export(ctx, "boundary.png", "image/png", "boundary-{id}.png",
                (id, s, run) -> BoundaryPng.of(run)));
        routes.post("/api/runs", r::post);
    }

    /** The page; it sees /r/{id} in its address and asks its socket for the run. */
    private void page(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            if (runs.find(id).isEmpty()) {
                ctx.status(404).contentType("text/plain; charset=utf-8").result(SavedRuns.notFound(id));
                return;
            }
        } catch (StoreException e) {
            ctx.status(503).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        ctx.html(page);
    }

    /** {"link": ..., "epochs": N, "csv": text, "label": column} -> trains headless, saves, answers {id, url}. */
    private void post(Context ctx) throws Exception {
        // read before the save limit is counted: a refused body costs no save
        byte[] bytes = BoundedBody.read(ctx, MAX_POST_BYTES);
        if (bytes == null) {
            error(ctx, 413, BoundedBody.tooLarge(ctx.req().getContentLengthLong(), MAX_POST_BYTES, "a CSV of at most " + CsvImport.MAX_SIZE + " and the other fields"));
            return;
        }
        if (!runs.allowSave(ctx.ip())) {
            error(ctx, 429, "too many saves: at most " + runs.savesPerMinute() + " a minute from one address; wait a little");
            return;
        }
        JsonNode body;
        try {
            body = mapper.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error(ctx, 400, "the body must be JSON: {\"link\": \"...\", \"epochs\": N}");
            return;
        }
        try {
            if (body == null || !body.hasNonNull("link")) throw new IllegalArgumentException("missing field 'link'");
            JsonNode given = body.path("epochs");
            // asInt would wrap 2^32 + 3 to 3: a number outside int, or with a fraction, is refused as it stands
            if (given.isNumber() && !(given.isIntegralNumber() && given.canConvertToInt())) {
                throw new IllegalArgumentException("epochs must be a whole number from 0 to " + MAX_POST_EPOCHS + " (got " + given.asText() + ")");
            }
            int epochs = given.asInt(0);
            if (epochs < 0 || epochs > MAX_POST_EPOCHS) throw new IllegalArgumentException("epochs must be 0 to " + MAX_POST_EPOCHS);
            DataSet csv = null;
            if (body.hasNonNull("csv")) {
                String text = body.get("csv").asText();
                csv = CsvImport.read(text, new CsvOptions(body.path("label").isTextual() ? body.get("label").asText() : null, "upload.csv"));
            }
            RunPlan plan = RunPlanner.plan(PlaygroundLink.parse(body.get("link").asText(), new SecureRandom()).settings(), csv);
            if (epochs * plan.workPerEpoch() > MAX_POST_WORK) {
                throw new IllegalArgumentException("too much training for one request: at most "
                        + MAX_POST_WORK / ((long) plan.spec().parameterCount() * Math.max(1, plan.trainSamples()))
                        + " epochs for this network and data; train in the page and save there");
            }
            TrainingRun run = TrainingRun.build(plan);
            RunHistory history = new RunHistory();
            history.add(run.trainer().lastStats());
            if (epochs > 0 && run.trainer().untrainableReason() != null) throw new IllegalArgumentException("cannot train: " + run.trainer().untrainableReason());
            for (int e = 0; e < epochs && !run.trainer().lastStats().diverged(); e++) history.add(run.trainer().trainEpoch());
            RunSnapshot snapshot = RunSnapshot.capture(run, history);
            String id = runs.store(snapshot);
            ctx.status(201).contentType("application/json")
                    .result(mapper.writeValueAsString(Map.of("id", id, "url", "/r/" + id, "epoch", snapshot.epoch())));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
        } catch (StoreException e) {
            error(ctx, 503, e.getMessage());
        }
    }

    private interface RunHandler {
        void handle(String id, RunSnapshot snapshot, TrainingRun run) throws Exception;
    }

    /** Looks the run up and rebuilds it; answers 404, 503 or 400 (an export that does not apply) itself. */
    private void withRun(Context ctx, RunHandler handler) throws Exception {
        String id = ctx.pathParam("id");
        try {
            RunSnapshot snapshot = runs.find(id).orElse(null);
            if (snapshot == null) {
                error(ctx, 404, SavedRuns.notFound(id));
                return;
            }
            handler.handle(id, snapshot, snapshot.restore());
        } catch (StoreException e) {
            error(ctx, 503, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
        }
    }

    private interface Exporter {
        byte[] render(String id, RunSnapshot snapshot, TrainingRun run) throws Exception;
    }

    /** An export of a saved run, rendered once ({@link ExportCache}); {@code {id}} in the file name is the run's. */
    private void export(Context ctx, String name, String type, String fileName, Exporter exporter) throws Exception {
        String id = ctx.pathParam("id");
        exports.serve(ctx, id, name, type, fileName.replace("{id}", id), () -> {
            byte[][] rendered = new byte[1][];
            withRun(ctx, (runId, s, run) -> rendered[0] = exporter.render(runId, s, run));
            return rendered[0];
        });
    }

    private void error(Context ctx, int status, String message) throws Exception {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsString(Map.of("error", message)));
    }
}
