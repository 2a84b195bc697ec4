package org.govit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The kernel's decision on one event: the typed view of an {@code apply} result
 * ({@link GovitEngine#applyDecision}) or of a {@code preview} ({@link GovitEngine#preview}).
 * {@link #json()} is the document exactly as the kernel wrote it.
 */
public final class Decision {
    private final String json;
    private final boolean accepted;
    private final String stateBefore;
    private final String stateAfter;
    private final List<Finding> findings;
    private final String projectJson;

    private Decision(String json, boolean withProject) {
        JsonReader.Document doc = JsonReader.parse(json);
        JsonReader.Obj o = doc.object(withProject ? "apply result" : "preview result");
        this.json = json;
        this.accepted = o.bool("accepted");
        this.stateBefore = o.string("state_before");
        this.stateAfter = o.string("state_after");
        this.findings = findings(o);
        if (withProject) {
            o.object("project"); // present, and an object
            this.projectJson = doc.rawMember("project");
        } else {
            this.projectJson = null;
        }
    }

    /** The typed view of an apply result document (with {@code project}). */
    static Decision ofApply(String json) {
        return new Decision(json, true);
    }

    /** The typed view of a preview result document (no {@code project}). */
    static Decision ofPreview(String json) {
        return new Decision(json, false);
    }

    static List<Finding> findings(JsonReader.Obj o) {
        List<Finding> out = new ArrayList<Finding>();
        for (JsonReader.Obj f : o.objects("findings")) {
            out.add(new Finding(f));
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the event was accepted (no finding of severity {@link Severity#BLOCK}). */
    public boolean accepted() {
        return accepted;
    }

    /** The state before the event, e.g. {@code "draft"}. */
    public String stateBefore() {
        return stateBefore;
    }

    /** The state after the event; the same as {@link #stateBefore()} when refused. */
    public String stateAfter() {
        return stateAfter;
    }

    /** Every finding, in the kernel's order (blocks first); unmodifiable. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings of severity {@link Severity#BLOCK}: why the event was refused. */
    public List<Finding> blocking() {
        List<Finding> out = new ArrayList<Finding>();
        for (Finding f : findings) {
            if (f.blocks()) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The record to store, as the exact JSON text the kernel wrote (the new record with its
     * history when accepted, the input record unchanged when refused); {@code null} for a
     * preview, which makes no record.
     */
    public String projectJson() {
        return projectJson;
    }

    /** The whole result document as the kernel wrote it. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return (accepted ? "accepted " : "refused ") + stateBefore + " -> " + stateAfter + " "
                + findings;
    }
}
