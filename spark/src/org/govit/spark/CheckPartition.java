package org.govit.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.spark.api.java.function.Function2;
import org.govit.GovitEngine;
import org.govit.GovitException;
import scala.Tuple2;

/**
 * One task: {@code check} with {@code as_of} on every line of one input split, lazily (one
 * record in memory at a time), with the executor's shared engine. Each record gives one
 * output line: its check result document unchanged, or, if the kernel cannot read it, the
 * kernel's error document with the record's {@code project_id} (where the line has one),
 * {@code file} and byte {@code offset}. Blank lines are skipped and counted.
 */
final class CheckPartition implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>,
        Iterator<Tuple2<NullWritable, Text>>> {
    private static final long serialVersionUID = 1L;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private final String configJson;
    private final byte[] options;
    private final Summary.Accumulator summary;

    CheckPartition(String configJson, byte[] options, Summary.Accumulator summary) {
        this.configJson = configJson;
        this.options = options;
        this.summary = summary;
    }

    @Override
    public Iterator<Tuple2<NullWritable, Text>> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
        long cpuStart = JvmStats.threadCpuNanos();
        String file = split instanceof FileSplit fs ? fs.getPath().toString() : String.valueOf(split);
        Engines.Lease lease = Engines.get(configJson);
        Summary part = new Summary();
        part.partitions = 1;
        part.enginesCreated = lease.created() ? 1 : 0;
        GovitEngine engine = lease.engine();
        return new Iterator<>() {
            private Text next;
            private boolean reported;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Tuple2<LongWritable, Text> line = lines.next();
                    // The reader reuses its Text: copy the bytes now.
                    byte[] record = Arrays.copyOf(line._2().getBytes(), line._2().getLength());
                    if (JsonLines.isBlank(record)) {
                        part.blankLines++;
                    } else {
                        next = new Text(checkOne(engine, record, file, line._1().get(), part));
                    }
                }
                if (next == null && !reported) {
                    reported = true; // the partition is done: count it once
                    part.taskCpuNanos = JvmStats.threadCpuNanos() - cpuStart;
                    part.peakRssKib = JvmStats.peakRssKib();
                    part.peakHeapKib = JvmStats.peakHeapKib();
                    summary.add(part);
                }
                return next != null;
            }

            @Override
            public Tuple2<NullWritable, Text> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Text t = next;
                next = null;
                return new Tuple2<>(NullWritable.get(), t);
            }
        };
    }

    private byte[] checkOne(GovitEngine engine, byte[] record, String file, long offset, Summary part) {
        part.records++;
        try {
            byte[] result = engine.checkUtf8(record, options);
            part.checked++;
            countResult(result, RecordFields.ownerUnitOfChecked(record), part);
            return result;
        } catch (GovitException e) {
            RecordFields f = RecordFields.read(record);
            return errorLine(e, f, file, offset, part);
        }
    }

    /** The kernel's error document, plus where the record is: project_id, file, offset. */
    private static byte[] errorLine(GovitException e, RecordFields f, String file, long offset, Summary part) {
        ObjectNode line;
        try {
            line = (ObjectNode) MAPPER.readTree(e.errorJson());
        } catch (IOException | RuntimeException notADocument) { // never seen: the kernel always writes one
            line = MAPPER.createObjectNode();
            line.putObject("error").put("code", GovitException.statusName(e.code())).put("message", e.getMessage());
        }
        JsonNode code = line.path("error").path("code");
        part.errors++;
        part.errorsByCode.add(code.isTextual() ? code.asText() : GovitException.statusName(e.code()), 1);
        if (f.ownerUnit() != null) {
            part.unit(f.ownerUnit()).add("errors", 1);
        }
        line.put("project_id", f.id());
        line.put("file", file);
        line.put("offset", offset);
        try {
            return MAPPER.writeValueAsBytes(line);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Counts one check result: state, scope, findings by rule and severity, deadlines. */
    private static void countResult(byte[] result, String ownerUnit, Summary part) {
        Summary.Counts unit = part.unit(ownerUnit);
        unit.add("records", 1);
        try (JsonParser p = JSON.createParser(result)) {
            p.nextToken(); // the result object
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "state" -> part.byState.add(p.getText(), 1);
                    case "in_scope" -> part.outOfScope += value == JsonToken.VALUE_FALSE ? 1 : 0;
                    case "findings" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            countFinding(p, unit, part);
                        }
                    }
                    case "deadlines" -> {
                        long n = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            n++;
                        }
                        part.deadlines += n;
                        unit.add("deadlines", n);
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the kernel wrote a check result that is not JSON", e);
        }
    }

    private static void countFinding(JsonParser p, Summary.Counts unit, Summary part) throws IOException {
        String rule = null;
        String severity = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("rule")) {
                rule = p.getText();
            } else if (name.equals("severity")) {
                severity = p.getText();
            } else {
                p.skipChildren();
            }
        }
        if (rule == null || severity == null) {
            throw new IllegalStateException("the kernel wrote a finding without rule or severity");
        }
        part.findings++;
        part.byRule.add(rule, 1);
        part.bySeverity.add(severity, 1);
        unit.add("findings", 1);
        unit.add(severity, 1);
    }
}
