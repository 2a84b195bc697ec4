package org.govit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample records and events (docs/contract.md: the record and the event) shared by the tests. */
final class Fixtures {
    private Fixtures() {}

    static final String OWNER = "曲阜市文化和旅游局";
    static final String BIG_DATA_CENTER = "曲阜市政府办公室（市大数据中心）";

    /** A public-facing business system of 3,000,000.00 yuan in draft, ready for submit_demand. */
    static final String PROJECT = "{\"id\":\"QF-2025-001\",\"name\":\"曲阜市文旅服务平台\","
            + "\"owner_unit\":\"曲阜市文化和旅游局\",\"funding\":[\"government_investment\"],"
            + "\"category\":\"business_system\",\"basis\":\"《曲阜市“十四五”数字政府建设规划》\","
            + "\"content\":\"文旅资源库、游客服务门户、票务与预约\","
            + "\"goals\":\"一网通游，游客线上服务覆盖率达到90%\",\"location\":\"曲阜市\","
            + "\"budget_yuan\":\"3000000.00\",\"security_budget_yuan\":\"200000.00\","
            + "\"audience\":\"public\",\"platforms\":[\"integrated_online_service\",\"ai_shandong\"],"
            + "\"procurement_method\":\"public_tender\",\"planned_completion\":\"2026-12-31\"}";

    static final String SUBMIT_DEMAND = event("submit_demand", "2025-03-03", "construction_unit",
            OWNER, "party_committee_decision");

    /** The five events from draft to approved, in order. */
    static List<String> toApproved() {
        List<String> events = new ArrayList<String>();
        events.add(SUBMIT_DEMAND);
        events.add(event("pass_demand_review", "2025-03-17", "big_data_center", BIG_DATA_CENTER,
                "review_opinion")); // Art 6: the opinion of this round of review
        events.add(event("submit_technical", "2025-04-07", "construction_unit", OWNER,
                "construction_plan", "crypto_plan", "secure_reliable_statement", "data_sharing_plan"));
        events.add(event("pass_technical_review", "2025-04-21", "big_data_center", BIG_DATA_CENTER,
                "review_opinion"));
        events.add(event("approve", "2025-05-06", "big_data_center", BIG_DATA_CENTER));
        return events;
    }

    static String event(String type, String date, String role, String unit, String... documents) {
        Map<String, Object> actor = new LinkedHashMap<String, Object>();
        actor.put("role", role);
        actor.put("unit", unit);
        Map<String, Object> data = new LinkedHashMap<String, Object>();
        List<Object> docs = new ArrayList<Object>();
        for (String d : documents) {
            docs.add(d);
        }
        data.put("documents", docs);
        Map<String, Object> e = new LinkedHashMap<String, Object>();
        e.put("type", type);
        e.put("date", date);
        e.put("actor", actor);
        e.put("data", data);
        return Json.write(e);
    }

    /** {@link #PROJECT} with one member replaced or added. */
    static String projectWith(String key, Object value) {
        Map<String, Object> p = Json.obj(Json.parse(PROJECT));
        p.put(key, value);
        return Json.write(p);
    }

    /** {@link #PROJECT} without a member. */
    static String projectWithout(String key) {
        Map<String, Object> p = Json.obj(Json.parse(PROJECT));
        p.remove(key);
        return Json.write(p);
    }

    /** Applies events in order, feeding each result's project into the next call. */
    static String walk(GovitEngine engine, String project, List<String> events) {
        String current = project;
        for (String e : events) {
            String result = engine.apply(current, e);
            Object r = Json.parse(result);
            if (!Boolean.TRUE.equals(Json.bool(r, "accepted"))) {
                throw new AssertionError("refused: " + e + "\n→ " + result);
            }
            current = Json.rawMember(result, "project");
        }
        return current;
    }

    /** Rule ids of the findings of a result. */
    static List<String> ruleIds(Object result) {
        List<String> ids = new ArrayList<String>();
        List<Object> findings = Json.arr(result, "findings");
        if (findings != null) {
            for (Object f : findings) {
                ids.add(Json.str(f, "rule"));
            }
        }
        return ids;
    }
}
