/*
 * Screen — the text "screen" an OA system would draw for one project, from govit alone:
 * the state, the findings, the deadlines, and one button per next step with its label, the
 * state it leads to, what it must carry and what blocks it. Then the clerk attaches the
 * documents of a button, the OA system previews the event (nothing stored), sends the first
 * one the preview accepts, and draws the screen again for the new record.
 *
 * Every label, state, document name and button comes from the library: lifecycle() (the
 * transition table as data) and check's next_steps (for the acting role). The program
 * names no event: it sends the step the preview accepts, so the same code draws every
 * state of every project.
 *
 * Build and run (from the repository root, after `make release` and `make -C bindings/java all`):
 *   make -C bindings/java screen
 * or by hand:
 *   javac -cp bindings/java/build/govit-0.1.0.jar -d /tmp/screen examples/java/Screen.java
 *   java  -cp bindings/java/build/govit-0.1.0.jar:/tmp/screen Screen \
 *         examples/projects/public-service.json construction_unit 曲阜市文化和旅游局 2025-03-03
 * Arguments (all optional): record file, role, acting unit, date (YYYY-MM-DD).
 */

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.govit.CheckResult;
import org.govit.DataField;
import org.govit.Deadline;
import org.govit.Decision;
import org.govit.Finding;
import org.govit.GovitEngine;
import org.govit.Lifecycle;
import org.govit.NextStep;

public class Screen {

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : "examples/projects/public-service.json";
        String role = args.length > 1 ? args[1] : "construction_unit";
        String unit = args.length > 2 ? args[2] : "曲阜市文化和旅游局";
        String date = args.length > 3 ? args[3] : "2025-03-03";
        String record = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);

        try (GovitEngine govit = new GovitEngine()) {
            Lifecycle lifecycle = govit.lifecycle(); // once per application: it never changes
            String options = "{\"as_of\":\"" + date + "\",\"actor\":" + actor(role, unit) + "}";

            CheckResult check = govit.checkResult(record, options);
            draw(lifecycle, check, role, unit, date);

            // The clerk fills in the first button's form that needs nothing beyond its
            // documents (a real screen would open the form of step.data()), attaches them, and
            // the OA system previews it: blocked_by is the record as it stands, the preview is
            // the record with what the clerk attached. The first the preview accepts is sent.
            String event = null;
            NextStep pressed = null;
            for (NextStep step : check.nextSteps()) {
                if (!onlyDocuments(step)) {
                    continue;
                }
                String e = "{\"type\":\"" + step.event() + "\",\"date\":\"" + date + "\",\"actor\":"
                        + actor(role, unit) + ",\"data\":{\"documents\":" + array(step.documents()) + "}}";
                Decision preview = govit.preview(record, e); // validates the form, stores nothing
                System.out.println();
                System.out.println("preview [" + step.label() + "] with " + step.documents().size()
                        + " document(s): " + (preview.accepted() ? "would be accepted"
                        : "would be refused by " + rules(preview.blocking())));
                if (preview.accepted()) {
                    event = e;
                    pressed = step;
                    break;
                }
            }
            if (pressed == null) {
                System.out.println("(no button can be pressed without filling in a form)");
                return;
            }
            System.out.println(">>> " + pressed.label() + " / " + pressed.labelEn() + "   " + event);
            Decision decision = govit.applyDecision(record, event);
            System.out.println("    " + (decision.accepted() ? "accepted" : "refused") + ": "
                    + label(lifecycle, decision.stateBefore()) + " -> "
                    + label(lifecycle, decision.stateAfter()));
            for (Finding f : decision.findings()) {
                System.out.println("    " + finding(f));
            }
            record = decision.projectJson(); // what the OA system stores
            System.out.println();
            draw(lifecycle, govit.checkResult(record, options), role, unit, date);
        }
    }

    static void draw(Lifecycle lifecycle, CheckResult check, String role, String unit, String date) {
        Lifecycle.Role r = lifecycle.role(role);
        System.out.println("== 项目 " + check.projectId() + " ==================================");
        System.out.println("状态 state      " + label(lifecycle, check.state())
                + (check.inScope() ? "" : "   (not in scope of the measures)"));
        System.out.println("办理 acting as  " + (r == null ? role : r.label() + " / " + r.labelEn())
                + "  " + unit + "  " + date);
        System.out.println("发现 findings   " + check.findings().size());
        for (Finding f : check.findings()) {
            System.out.println("  " + finding(f));
        }
        System.out.println("期限 deadlines  " + check.deadlines().size());
        for (Deadline d : check.deadlines()) {
            Lifecycle.Event e = lifecycle.event(d.event());
            System.out.println("  " + d.due() + "  " + (e == null ? d.event() : e.label()) + "  (" + d.rule() + ")");
        }
        System.out.println("按钮 buttons    " + check.nextSteps().size());
        for (NextStep step : check.nextSteps()) {
            System.out.println("  [" + step.label() + " / " + step.labelEn() + "]  -> "
                    + (step.to() == null ? "?" : label(lifecycle, step.to()))
                    + (step.ready() ? "   ready" : "   blocked by " + String.join(", ", step.blockedBy()))
                    + (step.needs().isEmpty() ? "" : "   needs " + String.join(", ", step.needs())));
            List<String> docs = new ArrayList<String>();
            for (String d : step.documents()) {
                Lifecycle.Document doc = lifecycle.document(d);
                docs.add(doc == null ? d : doc.label());
            }
            if (!docs.isEmpty()) {
                System.out.println("      材料 documents: " + String.join("、", docs));
            }
            List<String> fields = new ArrayList<String>();
            for (DataField f : step.data()) {
                if (!"documents".equals(f.key())) {
                    fields.add(f.label() + (f.required() ? "*" : ""));
                }
            }
            if (!fields.isEmpty()) {
                System.out.println("      填写 form: " + String.join("、", fields));
            }
        }
    }

    static String rules(List<Finding> findings) {
        List<String> ids = new ArrayList<String>();
        for (Finding f : findings) {
            ids.add(f.rule());
        }
        return String.join(", ", ids);
    }

    static boolean onlyDocuments(NextStep step) {
        for (DataField f : step.data()) {
            if (f.required() && !"documents".equals(f.key())) {
                return false;
            }
        }
        return true;
    }

    static String label(Lifecycle lifecycle, String state) {
        Lifecycle.State s = lifecycle.state(state);
        return s == null ? state : s.label() + " " + s.labelEn() + " (" + state + ")";
    }

    static String finding(Finding f) {
        return "[" + f.severity().json() + "] " + f.rule()
                + (f.article() == null ? "" : " 第" + f.article() + "条")
                + (f.due() == null ? "" : " due " + f.due()) + "  " + f.message();
    }

    static String actor(String role, String unit) {
        return "{\"role\":" + quote(role) + ",\"unit\":" + quote(unit) + "}";
    }

    static String array(List<String> values) {
        List<String> quoted = new ArrayList<String>();
        for (String v : values) {
            quoted.add(quote(v));
        }
        return "[" + String.join(",", quoted) + "]";
    }

    /** A JSON string (the values here are ids and unit names: quotes and backslashes escaped). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c < 0x20 ? ' ' : c);
        }
        return b.append('"').toString();
    }
}
