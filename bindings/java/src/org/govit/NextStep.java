package org.govit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An event the actor of a check may send now: a button on the OA system's screen, with
 * its label, the state it leads to, what it must carry, and the rules that would refuse it
 * as the record stands ({@code next_steps} of a check result with {@code options.actor}).
 */
public final class NextStep {
    private final String event;
    private final String label;
    private final String labelEn;
    private final String to;
    private final List<DataField> data;
    private final List<String> documents;
    private final List<String> blockedBy;
    private final boolean ready;
    private final List<String> needs;

    NextStep(JsonReader.Obj o) {
        this.event = o.string("event");
        this.label = o.string("label");
        this.labelEn = o.string("label_en");
        this.to = o.optString("to");
        List<DataField> d = new ArrayList<DataField>();
        for (JsonReader.Obj x : o.optObjects("data")) {
            d.add(new DataField(x));
        }
        this.data = Collections.unmodifiableList(d);
        this.documents = o.optStrings("documents");
        this.blockedBy = o.optStrings("blocked_by");
        this.ready = o.bool("ready");
        this.needs = o.optStrings("needs");
    }

    /** The event type to send, e.g. {@code "sign_contract"}. */
    public String event() {
        return event;
    }

    /** The button's label in Chinese, e.g. {@code 签订采购合同}. */
    public String label() {
        return label;
    }

    /** The button's label in English. */
    public String labelEn() {
        return labelEn;
    }

    /** The state the event would lead to as the record stands, or {@code null} if none is known. */
    public String to() {
        return to;
    }

    /** The {@code data} fields the event may carry (the form); unmodifiable. */
    public List<DataField> data() {
        return data;
    }

    /** The document kinds the event may carry in {@code data.documents}; unmodifiable. */
    public List<String> documents() {
        return documents;
    }

    /**
     * The rule ids that refuse the event as the record stands, even with its documents attached
     * and its form filled in: the record must change first; unmodifiable.
     */
    public List<String> blockedBy() {
        return blockedBy;
    }

    /** Whether nothing in the record blocks it ({@link #blockedBy()} is empty). */
    public boolean ready() {
        return ready;
    }

    /**
     * The rule ids that refuse the event sent empty and that its documents and form answer: what
     * the sender must attach or fill in (their titles say what); unmodifiable.
     */
    public List<String> needs() {
        return needs;
    }

    @Override
    public String toString() {
        return event + (ready ? "" : " blocked by " + blockedBy);
    }
}
