package org.govit;

/**
 * How much a {@link Finding} weighs, from most to least severe (the {@code severity} of a
 * finding in docs/contract.md).
 */
public enum Severity {
    /** 阻断: the event is refused and the record stays as it was (应 / 不得, before the act). */
    BLOCK("block"),
    /** 违规: a breach of the measures already on record (应 / 不得, after the act). */
    VIOLATION("violation"),
    /** 提示（应当）: 原则上 / 一般 (in principle, as a rule); also a likely typo. */
    WARNING("warning"),
    /** 信息: for information (鼓励, priority support, …). */
    INFO("info");

    private final String json;

    Severity(String json) {
        this.json = json;
    }

    /** The value as written in the JSON documents: {@code "block"}, {@code "violation"}, … */
    public String json() {
        return json;
    }

    /**
     * The severity written as {@code value} in a JSON document.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Severity fromJson(String value) {
        for (Severity s : values()) {
            if (s.json.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity: " + value);
    }
}
