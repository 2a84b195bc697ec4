package org.govit.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * What a run found, for {@code OUTPUT/_summary.json}: counts of records, of findings by rule,
 * by severity and by owner unit (项目建设单位), of unreadable records by error code. Each task
 * counts its partition into one {@code Summary}; the driver merges them (an accumulator).
 */
final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;

    long records; // input lines that are not blank
    long checked; // records with a check result
    long errors; // records that could not be read: an error line
    long blankLines; // skipped, no output line
    long findings;
    long deadlines;
    long outOfScope;
    long partitions;
    long enginesCreated;
    long taskCpuNanos; // CPU time of the task threads: reading, checking, writing
    long peakRssKib; // the largest of the executors' (max, not sum)
    long peakHeapKib;
    final Counts errorsByCode = new Counts();
    final Counts bySeverity = new Counts();
    final Counts byRule = new Counts();
    final Counts byState = new Counts();
    final TreeMap<String, Counts> byOwnerUnit = new TreeMap<>();

    /** Counters by name, in name order (stable output). */
    static final class Counts extends TreeMap<String, Long> {
        private static final long serialVersionUID = 1L;

        void add(String key, long n) {
            merge(key, n, Long::sum);
        }

        void addAll(Map<String, Long> other) {
            other.forEach(this::add);
        }
    }

    Counts unit(String ownerUnit) {
        return byOwnerUnit.computeIfAbsent(ownerUnit == null ? "" : ownerUnit, u -> new Counts());
    }

    void merge(Summary o) {
        records += o.records;
        checked += o.checked;
        errors += o.errors;
        blankLines += o.blankLines;
        findings += o.findings;
        deadlines += o.deadlines;
        outOfScope += o.outOfScope;
        partitions += o.partitions;
        enginesCreated += o.enginesCreated;
        taskCpuNanos += o.taskCpuNanos;
        peakRssKib = Math.max(peakRssKib, o.peakRssKib);
        peakHeapKib = Math.max(peakHeapKib, o.peakHeapKib);
        errorsByCode.addAll(o.errorsByCode);
        bySeverity.addAll(o.bySeverity);
        byRule.addAll(o.byRule);
        byState.addAll(o.byState);
        o.byOwnerUnit.forEach((unit, counts) -> unit(unit).addAll(counts));
    }

    /** The summary document; {@code run} holds what the driver adds (as_of, paths, times). */
    ObjectNode toJson(ObjectMapper mapper, ObjectNode run) {
        ObjectNode doc = mapper.createObjectNode();
        doc.setAll(run);
        doc.put("records", records);
        doc.put("checked", checked);
        doc.put("errors", errors);
        doc.put("blank_lines", blankLines);
        doc.put("out_of_scope", outOfScope);
        doc.put("findings", findings);
        doc.put("deadlines", deadlines);
        doc.set("errors_by_code", mapper.valueToTree(errorsByCode));
        doc.set("by_severity", mapper.valueToTree(bySeverity));
        doc.set("by_rule", mapper.valueToTree(byRule));
        doc.set("by_state", mapper.valueToTree(byState));
        doc.set("by_owner_unit", mapper.valueToTree(byOwnerUnit));
        doc.put("partitions", partitions);
        doc.put("engines_created", enginesCreated);
        doc.put("task_cpu_seconds", Math.round(taskCpuNanos / 1e6) / 1000.0);
        doc.put("executor_peak_rss_kib", peakRssKib);
        doc.put("executor_peak_heap_kib", peakHeapKib);
        return doc;
    }

    /** The Spark accumulator around a {@code Summary}. */
    static final class Accumulator extends AccumulatorV2<Summary, Summary> {
        private static final long serialVersionUID = 1L;
        private Summary value = new Summary();

        @Override
        public boolean isZero() {
            return value.records == 0 && value.blankLines == 0 && value.partitions == 0;
        }

        @Override
        public Accumulator copy() {
            Accumulator c = new Accumulator();
            c.value.merge(value);
            return c;
        }

        @Override
        public void reset() {
            value = new Summary();
        }

        @Override
        public void add(Summary v) {
            value.merge(v);
        }

        @Override
        public void merge(AccumulatorV2<Summary, Summary> other) {
            value.merge(other.value());
        }

        @Override
        public Summary value() {
            return value;
        }
    }
}
