package org.govit.spark.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.govit.GovitEngine;

/**
 * Writes a JSON-lines dump of project records, as a provincial database export would be:
 * the sample projects of {@code examples/projects/} under many owner units, each walked by
 * {@code apply} (real events, real SM3 history) to every state of the standard path, with
 * dates and deadlines varied, so that a nightly {@code check} finds a spread of overdue and
 * upcoming obligations. Every record gets its own id. Deterministic for a seed.
 *
 * <pre>GenerateRecords SAMPLES_DIR OUT N [--bad] [--seed S] [--gz K]</pre>
 *
 * {@code OUT} is one JSON-lines file, or with {@code --gz K} a directory of {@code K} gzip
 * files {@code part-NN.jsonl.gz} holding consecutive runs of the records (a large dump kept
 * small on disk; Spark reads each as one partition).
 *
 * {@code --bad} also mixes in, at about one line in twenty, lines the kernel cannot read
 * (not JSON, JSON of the wrong shape, invalid UTF-8, a NUL byte), blank lines, CRLF line
 * ends, a JSON carriage return between tokens, and one record of 300 KB (over a test
 * engine's {@code max_input_bytes}). About one record in ten carries host keys of its own.
 * Prints the number of lines and the record sizes (min, mean, max bytes).
 */
public final class GenerateRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Owner units (项目建设单位) the samples are spread over. */
    static final List<String> UNITS = List.of("曲阜市文化和旅游局", "曲阜市教育和体育局", "曲阜市卫生健康局",
            "曲阜市自然资源和规划局", "曲阜市住房和城乡建设局", "曲阜市农业农村局", "曲阜市应急管理局",
            "曲阜市市场监督管理局", "曲阜市民政局", "曲阜市人力资源和社会保障局", "曲阜市公安局", "曲阜市交通运输局");

    private GenerateRecords() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: GenerateRecords SAMPLES_DIR OUT N [--bad] [--seed S] [--gz K]");
            System.exit(2);
        }
        Path samples = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        long n = Long.parseLong(args[2]);
        boolean bad = false;
        long seed = 17;
        int gzFiles = 0;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--bad" -> bad = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--gz" -> gzFiles = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Template> templates;
        try (GovitEngine engine = new GovitEngine()) {
            templates = templates(engine, samples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long lines = 0;
        long records = 0;
        long bytes = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        Output o = new Output(out, gzFiles, n);
        try (o) {
            for (long i = 0; i < n; i++) {
                o.next(i);
                Template t = templates.get(random.nextInt(templates.size()));
                String id = String.format("QF-N-%07d", i);
                String record = t.withId(id);
                if (random.nextInt(10) == 0) {
                    record = withHostKeys(record, i);
                }
                byte[] line;
                String end = "\n";
                if (bad && i % 20 == 7) {
                    line = badLine((int) (i / 20), record, id);
                } else {
                    line = record.getBytes(StandardCharsets.UTF_8);
                    if (bad && i % 20 == 13) {
                        int k = (int) (i / 20) % 3;
                        if (k == 0) {
                            end = "\r\n"; // a dump written on Windows
                        } else if (k == 1) {
                            line = ("{\r" + record.substring(1)).getBytes(StandardCharsets.UTF_8);
                        } else {
                            o.write("  \t\n".getBytes(StandardCharsets.US_ASCII)); // blank
                            lines++;
                        }
                    }
                    if (bad && i == 11) {
                        line = withHostKeys(record, "padding", "x".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);
                    }
                    records++;
                    bytes += line.length;
                    min = Math.min(min, line.length);
                    max = Math.max(max, line.length);
                }
                o.write(line);
                o.write(end.getBytes(StandardCharsets.US_ASCII));
                lines++;
            }
        }
        System.out.printf("generated %s: %d lines: %d records from %d templates (sizes: min %d, mean %d, max %d bytes),"
                + " %d bad, %d blank; %.1f MB of JSON, %.1f MB on disk%n", out, lines, records, templates.size(), min,
                records == 0 ? 0 : bytes / records, max, bad ? (n + 12) / 20 : 0, lines - n, o.written / 1e6,
                o.onDisk() / 1e6);
    }

    /** One file, or {@code files} gzip files taking consecutive runs of {@code n} records. */
    private static final class Output extends OutputStream {
        private final Path out;
        private final int files;
        private final long n;
        private OutputStream current;
        private int file = -1;
        long written;

        Output(Path out, int files, long n) throws IOException {
            this.out = out;
            this.files = files;
            this.n = n;
            if (files > 0) {
                Files.createDirectories(out);
            } else {
                current = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
            }
        }

        /** Called before record {@code i}: opens the next file when its run begins. */
        void next(long i) throws IOException {
            int f = files > 0 ? (int) (i * files / n) : -1;
            if (f != file && files > 0) {
                if (current != null) {
                    current.close();
                }
                OutputStream raw = Files.newOutputStream(out.resolve(String.format("part-%02d.jsonl.gz", f)));
                current = new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16) {
                    { def.setLevel(Deflater.BEST_SPEED); }
                }, 1 << 20);
                file = f;
            }
        }

        @Override
        public void write(int b) throws IOException {
            current.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            current.write(b, off, len);
            written += len;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }

        long onDisk() throws IOException {
            if (files == 0) {
                return Files.size(out);
            }
            try (Stream<Path> s = Files.list(out)) {
                long total = 0;
                for (Path p : s.toList()) {
                    total += Files.size(p);
                }
                return total;
            }
        }
    }

    /** A record text with its sample id cut out, to be joined with a new one. */
    record Template(String[] parts) {
        String withId(String id) {
            return String.join("\"" + id + "\"", parts);
        }
    }

    /** Every sample under every unit, walked to every state of the standard path. */
    static List<Template> templates(GovitEngine engine, Path samples) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Template> templates = new ArrayList<>();
        int variant = 0;
        for (Path file : files) {
            ObjectNode sample = (ObjectNode) JSON.readTree(file.toFile());
            String sampleId = sample.get("id").asText();
            for (String unit : UNITS) {
                ObjectNode p = sample.deepCopy();
                p.put("owner_unit", unit);
                if (p.path("cross_department").asBoolean()) {
                    p.put("lead_department", unit);
                    ArrayNode co = p.putArray("co_departments");
                    UNITS.stream().filter(u -> !u.equals(unit)).limit(3).forEach(co::add);
                }
                // Spread the walks over time: up to 30 weeks earlier, some completions due sooner.
                int weeksBack = 3 * (variant % 11);
                LocalDate completion = LocalDate.parse(p.get("planned_completion").asText());
                p.put("planned_completion", completion.minusMonths(6L * (variant % 3)).toString());
                String record = JSON.writeValueAsString(p);
                String needle = "\"" + sampleId + "\"";
                for (JsonNode event : path(p, weeksBack)) {
                    templates.add(new Template(record.split(java.util.regex.Pattern.quote(needle), -1)));
                    JsonNode result = JSON.readTree(engine.apply(record, JSON.writeValueAsString(event)));
                    if (!result.get("accepted").asBoolean()) {
                        throw new IllegalStateException(file + " under " + unit + ": " + event.get("type")
                                + " refused: " + result.get("findings"));
                    }
                    record = JSON.writeValueAsString(result.get("project"));
                }
                templates.add(new Template(record.split(java.util.regex.Pattern.quote(needle), -1)));
                variant++;
            }
        }
        return templates;
    }

    /** The standard path from draft to operating, every obligation met, {@code weeksBack} earlier. */
    static List<JsonNode> path(ObjectNode p, int weeksBack) {
        String unit = p.path("cross_department").asBoolean() ? p.get("lead_department").asText()
                : p.get("owner_unit").asText();
        List<JsonNode> events = new ArrayList<>();
        Event e = (type, date, role, data) -> {
            ObjectNode ev = JSON.createObjectNode();
            ev.put("type", type);
            ev.put("date", LocalDate.parse(date).minusWeeks(weeksBack).toString());
            ObjectNode actor = ev.putObject("actor").put("role", role);
            if (role.equals("construction_unit")) {
                actor.put("unit", unit);
            }
            ev.set("data", data == null ? JSON.createObjectNode() : data);
            events.add(ev);
        };
        e.add("submit_demand", "2025-03-03", "construction_unit", docs("party_committee_decision", "overall_plan"));
        e.add("pass_demand_review", "2025-03-17", "big_data_center", docs("review_opinion"));
        e.add("submit_technical", "2025-04-01", "construction_unit", docs("construction_plan", "crypto_plan",
                "feasibility_study", "secure_reliable_statement", "security_responsibility_statement", "data_sharing_plan"));
        e.add("pass_technical_review", "2025-04-21", "big_data_center", docs("review_opinion"));
        e.add("approve", "2025-05-06", "big_data_center", null);
        e.add("approve_budget", "2025-06-03", "finance",
                JSON.createObjectNode().put("copied_to_big_data_center", true));
        e.add("file_responsibility_letter", "2025-06-10", "construction_unit", docs("responsibility_letter"));
        e.add("start_procurement", "2025-07-01", "construction_unit",
                JSON.createObjectNode().put("method", p.get("procurement_method").asText()));
        String notice = LocalDate.parse("2025-09-26").minusWeeks(weeksBack).toString();
        e.add("award_bid", "2025-09-26", "construction_unit",
                JSON.createObjectNode().put("notice_date", notice).put("supplier", "山东浪潮数字政府有限公司"));
        ObjectNode contract = JSON.createObjectNode();
        ArrayNode clauses = contract.putArray("clauses");
        Stream.of("name", "subject_scope", "performance_plan", "confidentiality", "result_ownership",
                "acceptance_criteria", "glossary", "ip_ownership", "data_ownership", "ip_liability",
                "implementation_period", "warranty_terms").forEach(clauses::add);
        contract.put("legal_review", true).put("legal_counsel", "山东孔孟律师事务所")
                .put("implementation_months", 12).put("warranty_months", 24);
        e.add("sign_contract", "2025-10-16", "construction_unit", contract);
        e.add("file_contract", "2025-10-24", "construction_unit", null);
        e.add("start_implementation", "2025-11-03", "construction_unit",
                JSON.createObjectNode().put("implementing_agency", "信息中心").put("responsible_person", "孔令华"));
        e.add("report_progress", "2026-03-02", "construction_unit", JSON.createObjectNode().put("spent_yuan", "120000.00"));
        e.add("record_assessment", "2026-09-15", "construction_unit",
                docs("crypto_assessment").put("kind", "crypto_assessment"));
        e.add("record_assessment", "2026-09-18", "construction_unit",
                docs("risk_assessment").put("kind", "risk_assessment"));
        e.add("pass_preliminary_acceptance", "2026-10-20", "construction_unit", docs("mlps_filing"));
        e.add("apply_final_acceptance", "2026-11-02", "construction_unit", null);
        e.add("pass_final_acceptance", "2026-12-01", "big_data_center",
                docs("acceptance_opinion").put("actual_cost_yuan", p.get("budget_yuan").asText()));
        return events;
    }

    private interface Event {
        void add(String type, String date, String role, ObjectNode data);
    }

    private static ObjectNode docs(String... kinds) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("documents");
        for (String k : kinds) {
            list.add(k);
        }
        return data;
    }

    /** The record with an OA system's own keys in front, one of them named {@code error}. */
    static String withHostKeys(String record, long i) {
        return "{\"oa_flow_no\":\"OA-" + i + "\",\"host\":{\"系统\":\"市级OA\",\"seq\":" + i
                + ",\"tags\":[\"夜间\",{\"nested\":[1,2.5,null,true]}]},\"error\":\"主机自带的键 / a host key\","
                + record.substring(1);
    }

    static String withHostKeys(String record, String key, String value) {
        return "{\"" + key + "\":\"" + value + "\"," + record.substring(1);
    }

    /** The {@code k}-th kind of line the kernel cannot read, made from a good record. */
    static byte[] badLine(int k, String record, String id) throws IOException {
        ObjectNode copy = (ObjectNode) JSON.readTree(record);
        String text = switch (k % 11) {
            case 0 -> record.substring(0, record.length() / 2); // truncated (cut at a char, not a byte)
            case 1 -> "这不是一条项目记录 / not a record " + id;
            case 2 -> "[1,2,3]";
            case 3 -> "\"" + id + "\"";
            case 4 -> "{\"id\":\"" + id + "\",\"name\":\"缺少建设单位的记录\"}";
            case 5 -> JSON.writeValueAsString(copy.put("state", "flying"));
            case 6 -> JSON.writeValueAsString(copy.put("budget_yuan", "-100.00"));
            case 7 -> JSON.writeValueAsString(copy.put("planned_completion", "2025-02-30"));
            case 8 -> JSON.writeValueAsString(copy.put("id", 42));
            case 9 -> null; // invalid UTF-8, below
            default -> null; // a NUL byte, below
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] good = record.getBytes(StandardCharsets.UTF_8);
        String before = record.substring(0, record.indexOf("\"name\":\"") + "\"name\":\"".length());
        int at = before.getBytes(StandardCharsets.UTF_8).length;
        byte[] line = new byte[good.length + 1];
        System.arraycopy(good, 0, line, 0, at);
        line[at] = k % 11 == 9 ? (byte) 0xFF : 0;
        System.arraycopy(good, at, line, at + 1, good.length - at);
        return line;
    }
}
