package org.govit;

import java.time.LocalDate;
import java.util.Objects;

/** An obligation with a date: which event must be sent by when, under which rule. */
public final class Deadline {
    private final String rule;
    private final String event;
    private final LocalDate due;

    Deadline(JsonReader.Obj o) {
        this.rule = o.string("rule");
        this.event = o.string("event");
        this.due = o.date("due");
    }

    /** The rule that sets the deadline. */
    public String rule() {
        return rule;
    }

    /** The event that meets the obligation, e.g. {@code "file_contract"}. */
    public String event() {
        return event;
    }

    /** The last day (working days counted by the engine's calendar). */
    public LocalDate due() {
        return due;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Deadline)) {
            return false;
        }
        Deadline d = (Deadline) o;
        return rule.equals(d.rule) && event.equals(d.event) && due.equals(d.due);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, event, due);
    }

    @Override
    public String toString() {
        return event + " by " + due + " (" + rule + ")";
    }
}
