package org.govit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One field of an event's {@code data}: a form field. In {@link Lifecycle.Event#data()} it
 * has its {@link #type()} and, for a vocabulary, its allowed {@link #values()}; in
 * {@link NextStep#data()} the kernel gives the key, labels and whether it is required.
 */
public final class DataField {
    private final String key;
    private final String type;
    private final boolean required;
    private final String label;
    private final String labelEn;
    private final List<Choice> values;
    private final DataField items;

    DataField(JsonReader.Obj o) {
        this.key = o.optString("key");
        this.type = o.optString("type");
        this.required = o.optBool("required", false);
        this.label = o.optString("label");
        this.labelEn = o.optString("label_en");
        List<Choice> v = new ArrayList<Choice>();
        for (JsonReader.Obj x : o.optObjects("values")) {
            v.add(new Choice(x));
        }
        this.values = Collections.unmodifiableList(v);
        JsonReader.Obj i = o.optObject("items");
        this.items = i == null ? null : new DataField(i);
    }

    /** The key in {@code data}, e.g. {@code "method"}; {@code null} for {@link #items()}. */
    public String key() {
        return key;
    }

    /**
     * The value's type: {@code text}, {@code boolean}, {@code integer}, {@code money} (a
     * decimal string), {@code date}, {@code code} (one of {@link #values()}), {@code list}
     * (of {@link #items()}), {@code object} or {@code any}; {@code null} where not given.
     */
    public String type() {
        return type;
    }

    /** Whether the event must carry it. */
    public boolean required() {
        return required;
    }

    /** The field's label in Chinese, or {@code null}. */
    public String label() {
        return label;
    }

    /** The field's label in English, or {@code null}. */
    public String labelEn() {
        return labelEn;
    }

    /** The allowed values of a {@code code} field (empty otherwise); unmodifiable. */
    public List<Choice> values() {
        return values;
    }

    /** The type of each element of a {@code list} field, or {@code null}. */
    public DataField items() {
        return items;
    }

    @Override
    public String toString() {
        return key + ":" + type + (required ? "" : "?");
    }

    /** One allowed value of a {@code code} field, with its labels. */
    public static final class Choice extends Labelled {
        Choice(JsonReader.Obj o) {
            super(o, "value");
        }

        /** The value to send, e.g. {@code "public_tender"}: its {@link #name()}. */
        public String value() {
            return name();
        }
    }
}
