package org.govit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One finding of a decision or a check: which rule found what, under which article, and
 * what to do about it. Messages come in Chinese ({@link #message()}) and English
 * ({@link #messageEn()}).
 */
public final class Finding {
    private final String rule;
    private final Integer article;
    private final Severity severity;
    private final String citation;
    private final String message;
    private final String messageEn;
    private final LocalDate due;
    private final String remedy;
    private final String remedyEn;

    Finding(JsonReader.Obj o) {
        this.rule = o.string("rule");
        this.article = o.optInteger("article");
        String s = o.string("severity");
        try {
            this.severity = Severity.fromJson(s);
        } catch (IllegalArgumentException e) {
            throw JsonReader.malformed(o.path + ".severity: " + e.getMessage());
        }
        this.citation = o.optString("citation");
        this.message = o.string("message");
        this.messageEn = o.string("message_en");
        this.due = o.optDate("due");
        this.remedy = o.optString("remedy");
        this.remedyEn = o.optString("remedy_en");
    }

    /** The rule id, e.g. {@code "art06.crypto_plan_missing"} (the catalogue: {@code rules()}). */
    public String rule() {
        return rule;
    }

    /** The article of the measures (第…条), or {@code null} for a rule of no single article. */
    public Integer article() {
        return article;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether this finding refuses the event ({@link Severity#BLOCK}). */
    public boolean blocks() {
        return severity == Severity.BLOCK;
    }

    /** The provision cited, e.g. {@code 《曲阜市政务信息化项目建设管理办法》第六条}, or {@code null}. */
    public String citation() {
        return citation;
    }

    /** The message in Chinese (zh-CN), or in the engine's locale. */
    public String message() {
        return message;
    }

    /** The message in English. */
    public String messageEn() {
        return messageEn;
    }

    /** The date by which to act, or {@code null}. */
    public LocalDate due() {
        return due;
    }

    /** What to do about it, in Chinese, or {@code null}. */
    public String remedy() {
        return remedy;
    }

    /** What to do about it, in English, or {@code null}. */
    public String remedyEn() {
        return remedyEn;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Finding)) {
            return false;
        }
        Finding f = (Finding) o;
        return rule.equals(f.rule) && Objects.equals(article, f.article) && severity == f.severity
                && Objects.equals(citation, f.citation) && message.equals(f.message)
                && messageEn.equals(f.messageEn) && Objects.equals(due, f.due)
                && Objects.equals(remedy, f.remedy) && Objects.equals(remedyEn, f.remedyEn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, article, severity, citation, message, messageEn, due, remedy,
                remedyEn);
    }

    /** {@code [block] art06.crypto_plan_missing: 未提交…}. */
    @Override
    public String toString() {
        return "[" + severity.json() + "] " + rule + ": " + message;
    }
}
