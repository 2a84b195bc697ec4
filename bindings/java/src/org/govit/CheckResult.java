package org.govit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The typed view of a {@code check} result ({@link GovitEngine#checkResult}): where the
 * project stands, what is wrong, what is due, and what may be done next.
 * {@link #json()} is the document exactly as the kernel wrote it.
 */
public final class CheckResult {
    private final String json;
    private final String projectId;
    private final String state;
    private final boolean inScope;
    private final List<Finding> findings;
    private final List<Deadline> deadlines;
    private final List<String> allowedEvents;
    private final List<NextStep> nextSteps;
    private final boolean hasNextSteps;

    CheckResult(String json) {
        JsonReader.Obj o = JsonReader.parse(json).object("check result");
        this.json = json;
        this.projectId = o.string("project_id");
        this.state = o.string("state");
        this.inScope = o.bool("in_scope");
        this.findings = Decision.findings(o);
        List<Deadline> d = new ArrayList<Deadline>();
        for (JsonReader.Obj x : o.objects("deadlines")) {
            d.add(new Deadline(x));
        }
        this.deadlines = Collections.unmodifiableList(d);
        this.allowedEvents = o.strings("allowed_events");
        this.hasNextSteps = o.has("next_steps");
        List<NextStep> n = new ArrayList<NextStep>();
        for (JsonReader.Obj x : o.optObjects("next_steps")) {
            n.add(new NextStep(x));
        }
        this.nextSteps = Collections.unmodifiableList(n);
    }

    /** The record's {@code id}. */
    public String projectId() {
        return projectId;
    }

    /** The current state, e.g. {@code "draft"} (labels: {@link Lifecycle#state(String)}). */
    public String state() {
        return state;
    }

    /** Whether the measures apply to the project at all (Art 2). */
    public boolean inScope() {
        return inScope;
    }

    /** Every finding on the record as of the check date; unmodifiable. */
    public List<Finding> findings() {
        return findings;
    }

    /** The obligations with a date; unmodifiable. */
    public List<Deadline> deadlines() {
        return deadlines;
    }

    /**
     * The events the transition table allows now (for the actor of the options, if any),
     * whether or not the record would pass them; unmodifiable.
     */
    public List<String> allowedEvents() {
        return allowedEvents;
    }

    /**
     * What the actor of the options may send now, each with what it needs and what blocks
     * it; an empty list when the check had no {@code actor} (see {@link #hasNextSteps()}).
     */
    public List<NextStep> nextSteps() {
        return nextSteps;
    }

    /** Whether the result carried {@code next_steps} (it does when the options name an actor). */
    public boolean hasNextSteps() {
        return hasNextSteps;
    }

    /** The next step for an event, or {@code null} if it is not one. */
    public NextStep nextStep(String event) {
        for (NextStep s : nextSteps) {
            if (s.event().equals(event)) {
                return s;
            }
        }
        return null;
    }

    /** The whole result document as the kernel wrote it. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return projectId + " " + state + " " + findings;
    }
}
