/*
 * WalkToApproval — an OA system takes a project from draft to approved (立项) with govit.
 *
 * The OA system owns the project record: it keeps the JSON in its own table, hands it to the
 * engine with each event, and stores the `project` of every accepted result in its place.
 * Here the "table" is one String variable.
 *
 * Build and run (from bindings/java):  make example
 * or by hand:
 *   javac -cp build/govit-0.1.0.jar -d /tmp/ex ../../examples/java/WalkToApproval.java
 *   java  -cp build/govit-0.1.0.jar:/tmp/ex WalkToApproval [project.json]
 *
 * A real OA system would read the results with its JSON library (Jackson, fastjson, Gson);
 * to stay dependency-free this example carries a tiny reader (MiniJson, at the bottom).
 */

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govit.GovitEngine;
import org.govit.GovitException;

public class WalkToApproval {

    static final String OWNER = "曲阜市文化和旅游局";
    static final String BIG_DATA_CENTER = "曲阜市政府办公室（市大数据中心）";

    static final String SAMPLE_PROJECT = "{"
            + "\"id\":\"QF-2025-001\",\"name\":\"曲阜市文旅服务平台\",\"owner_unit\":\"" + OWNER + "\","
            + "\"funding\":[\"government_investment\"],\"category\":\"business_system\","
            + "\"basis\":\"《曲阜市“十四五”数字政府建设规划》\",\"content\":\"文旅资源库、游客服务门户、票务与预约\","
            + "\"goals\":\"一网通游，游客线上服务覆盖率达到90%\",\"location\":\"曲阜市\","
            + "\"budget_yuan\":\"3000000.00\",\"security_budget_yuan\":\"200000.00\","
            + "\"audience\":\"public\",\"platforms\":[\"integrated_online_service\",\"ai_shandong\"],"
            + "\"procurement_method\":\"public_tender\",\"planned_completion\":\"2026-12-31\","
            + "\"oa_flow_no\":\"OA-2025-0042\"}";

    public static void main(String[] args) throws Exception {
        String project = args.length > 0
                ? new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8)
                : SAMPLE_PROJECT;

        // One engine for the whole application (in Spring: a singleton bean, destroyMethod="close").
        try (GovitEngine govit = new GovitEngine()) {
            System.out.println("govit " + GovitEngine.version() + " (C ABI " + GovitEngine.abiVersion() + ")");

            Map<String, Object> check = MiniJson.object(govit.check(project,
                    "{\"actor\":{\"role\":\"construction_unit\",\"unit\":\"" + OWNER + "\"}}"));
            System.out.println("项目 " + check.get("project_id") + "  state=" + check.get("state")
                    + "  in_scope=" + check.get("in_scope"));
            System.out.println("  the construction unit may now: " + check.get("allowed_events"));

            String[][] steps = {
                // type, date, role, unit, documents...
                {"submit_demand", "2025-03-03", "construction_unit", OWNER, "party_committee_decision"},
                {"pass_demand_review", "2025-03-17", "big_data_center", BIG_DATA_CENTER, "review_opinion"},
                // First try forgets the cryptography plan (Art 6): the kernel refuses it.
                {"submit_technical", "2025-04-07", "construction_unit", OWNER,
                    "construction_plan", "secure_reliable_statement", "data_sharing_plan"},
                {"submit_technical", "2025-04-08", "construction_unit", OWNER,
                    "construction_plan", "crypto_plan", "secure_reliable_statement", "data_sharing_plan"},
                {"pass_technical_review", "2025-04-21", "big_data_center", BIG_DATA_CENTER, "review_opinion"},
                {"approve", "2025-05-06", "big_data_center", BIG_DATA_CENTER},
            };

            for (String[] s : steps) {
                String event = event(s);
                System.out.println();
                System.out.println(s[1] + "  " + s[0] + "  by " + s[2] + " (" + s[3] + ")");
                String result;
                try {
                    result = govit.apply(project, event);
                } catch (GovitException e) {
                    // Bad input (malformed record, wrong value): not a decision, a data problem.
                    System.out.println("  ERROR " + e.code() + ": " + e.errorJson());
                    return;
                }
                Map<String, Object> r = MiniJson.object(result);
                boolean accepted = Boolean.TRUE.equals(r.get("accepted"));
                System.out.println("  " + (accepted ? "ACCEPTED" : "REFUSED ") + "  "
                        + r.get("state_before") + " -> " + r.get("state_after"));
                for (Object f : (List<?>) r.get("findings")) {
                    Map<?, ?> finding = (Map<?, ?>) f;
                    System.out.println("    [" + finding.get("severity") + "] " + finding.get("rule")
                            + "  " + finding.get("message"));
                    System.out.println("        " + finding.get("citation"));
                }
                if (accepted) {
                    // Store the new record (with its history) in place of the old one.
                    project = MiniJson.rawMember(result, "project");
                }
            }

            Map<String, Object> finalRecord = MiniJson.object(project);
            Map<String, Object> verify = MiniJson.object(govit.verify(project));
            System.out.println();
            System.out.println("final state: " + finalRecord.get("state")
                    + ", history entries: " + ((List<?>) finalRecord.get("history")).size()
                    + ", history chain valid: " + verify.get("valid")
                    + ", oa_flow_no kept: " + finalRecord.get("oa_flow_no"));
        }
    }

    /** The event document (docs/contract.md) for one step. */
    static String event(String[] s) {
        StringBuilder docs = new StringBuilder();
        for (int i = 4; i < s.length; i++) {
            docs.append(i > 4 ? "," : "").append('"').append(s[i]).append('"');
        }
        return "{\"type\":\"" + s[0] + "\",\"date\":\"" + s[1] + "\","
                + "\"actor\":{\"role\":\"" + s[2] + "\",\"unit\":\"" + s[3] + "\"},"
                + "\"data\":{\"documents\":[" + docs + "]}}";
    }

    /** Just enough JSON reading for this example; use a real JSON library in production. */
    static final class MiniJson {
        private final String s;
        private int i;

        private MiniJson(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            return (Map<String, Object>) new MiniJson(text).value();
        }

        /** The exact text of a top-level member, e.g. the project inside an apply result. */
        static String rawMember(String text, String name) {
            MiniJson p = new MiniJson(text);
            p.skip('{');
            while (p.peek() != '}') {
                String key = p.string();
                p.skip(':');
                p.ws();
                int start = p.i;
                p.value();
                if (key.equals(name)) {
                    return text.substring(start, p.i);
                }
                if (p.peek() == ',') {
                    p.i++;
                }
            }
            throw new IllegalArgumentException("no member " + name);
        }

        private Object value() {
            char c = peek();
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<String, Object>();
                i++;
                while (peek() != '}') {
                    String k = string();
                    skip(':');
                    m.put(k, value());
                    if (peek() == ',') {
                        i++;
                    }
                }
                i++;
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<Object>();
                i++;
                while (peek() != ']') {
                    l.add(value());
                    if (peek() == ',') {
                        i++;
                    }
                }
                i++;
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return word.equals("true") ? Boolean.TRUE : word.equals("false") ? Boolean.FALSE
                    : word.equals("null") ? null : word;
        }

        private String string() {
            skip('"');
            StringBuilder b = new StringBuilder();
            for (char c = s.charAt(i++); c != '"'; c = s.charAt(i++)) {
                if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    } else {
                        b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r'
                                : e == 'b' ? '\b' : e == 'f' ? '\f' : e);
                    }
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        private void skip(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        private char peek() {
            ws();
            return s.charAt(i);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
