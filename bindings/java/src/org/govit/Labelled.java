package org.govit;

/**
 * A name of the kernel's vocabulary with its labels: a state, role, document kind or event
 * type of {@link Lifecycle}, or a value of a code field ({@link DataField.Choice}). The name
 * is what records and events carry; the labels are the form's words.
 */
public abstract class Labelled {
    private final String name;
    private final String label;
    private final String labelEn;

    /** Reads {@code {<nameKey>, "label", "label_en"}}; only this package's types extend it. */
    Labelled(JsonReader.Obj o, String nameKey) {
        this.name = o.string(nameKey);
        this.label = o.string("label");
        this.labelEn = o.string("label_en");
    }

    /** As written in records and events, e.g. {@code "draft"} or {@code "construction_unit"}. */
    public String name() {
        return name;
    }

    /** In Chinese, the form's words, e.g. {@code 草稿}. */
    public String label() {
        return label;
    }

    /** In English. */
    public String labelEn() {
        return labelEn;
    }

    @Override
    public String toString() {
        return name;
    }
}
