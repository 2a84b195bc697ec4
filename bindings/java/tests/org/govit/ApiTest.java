package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every public method of {@link GovitEngine} on valid input (docs/contract.md). */
class ApiTest {
    private static GovitEngine engine;

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void versionIsTheCrateVersion() {
        String expected = System.getProperty("govit.test.version");
        assertNotNull(expected, "run through the Makefile, which passes -Dgovit.test.version");
        assertEquals(expected, GovitEngine.version());
    }

    @Test
    void abiVersionIsOne() {
        assertEquals(1, GovitEngine.abiVersion());
    }

    @Test
    void constructors() {
        try (GovitEngine a = new GovitEngine(); GovitEngine b = new GovitEngine(null);
                GovitEngine c = new GovitEngine("{}");
                GovitEngine d = new GovitEngine("{\"profile\":\"qufu-2024\",\"locale\":\"zh-CN\","
                        + "\"max_input_bytes\":4194304,"
                        + "\"calendar\":{\"2027\":{\"holidays\":[\"2027-01-01\"],\"workdays\":[\"2027-02-06\"]}},"
                        + "\"periodic_months\":{\"crypto_assessment\":12,\"risk_assessment\":12,\"mlps_assessment\":12}}")) {
            String expected = a.check(Fixtures.PROJECT);
            assertEquals(expected, b.check(Fixtures.PROJECT));
            assertEquals(expected, c.check(Fixtures.PROJECT));
            assertEquals(expected, d.check(Fixtures.PROJECT));
            assertFalse(a.isClosed());
        }
    }

    @Test
    void configCalendarAddsAYear() {
        try (GovitEngine e = new GovitEngine(
                "{\"calendar\":{\"2031\":{\"holidays\":[\"2031-01-01\"],\"workdays\":[\"2031-01-04\"]}}}")) {
            Object holiday = Json.parse(e.dayInfo("2031-01-01"));
            assertEquals("holiday", Json.str(holiday, "kind"));
            assertEquals(Boolean.FALSE, Json.bool(holiday, "working_day"));
            assertEquals(Boolean.TRUE, Json.bool(holiday, "calendar_known"));
            Object saturday = Json.parse(e.dayInfo("2031-01-04"));
            assertEquals("adjusted_workday", Json.str(saturday, "kind"));
            assertEquals(Boolean.TRUE, Json.bool(saturday, "working_day"));
        }
    }

    @Test
    void englishLocale() {
        try (GovitEngine en = new GovitEngine("{\"locale\":\"en\"}")) {
            // submit_demand without the party committee decision is refused (Art 8).
            Object r = Json.parse(en.apply(Fixtures.PROJECT,
                    Fixtures.event("submit_demand", "2025-03-03", "construction_unit", Fixtures.OWNER)));
            assertEquals(Boolean.FALSE, Json.bool(r, "accepted"));
            Map<String, Object> f = finding(r, "art08.party_committee_decision_missing");
            assertEquals(Json.str(f, "message_en"), Json.str(f, "message"));
        }
    }

    @Test
    void checkADraft() {
        Object r = Json.parse(engine.check(Fixtures.PROJECT));
        assertEquals("QF-2025-001", Json.str(r, "project_id"));
        assertEquals("draft", Json.str(r, "state"));
        assertEquals(Boolean.TRUE, Json.bool(r, "in_scope"));
        assertNotNull(Json.arr(r, "findings"));
        assertNotNull(Json.arr(r, "deadlines"));
        assertTrue(Json.arr(r, "allowed_events").contains("submit_demand"), r.toString());
    }

    @Test
    void checkWithOptions() {
        String options = "{\"as_of\":\"2025-06-30\",\"actor\":{\"role\":\"construction_unit\","
                + "\"unit\":\"曲阜市文化和旅游局\"}}";
        Object r = Json.parse(engine.check(Fixtures.PROJECT, options));
        assertEquals("draft", Json.str(r, "state"));
        assertTrue(Json.arr(r, "allowed_events").contains("submit_demand"), r.toString());
        // The big data center may not submit a demand for this project.
        Object other = Json.parse(engine.check(Fixtures.PROJECT,
                "{\"actor\":{\"role\":\"big_data_center\",\"unit\":\"" + Fixtures.BIG_DATA_CENTER + "\"}}"));
        assertFalse(Json.arr(other, "allowed_events").contains("submit_demand"), other.toString());
        assertEquals(engine.check(Fixtures.PROJECT), engine.check(Fixtures.PROJECT, null));
    }

    @Test
    void checkOutOfScope() {
        Object r = Json.parse(engine.check(Fixtures.projectWith("funding", new java.util.ArrayList<Object>())));
        assertEquals(Boolean.FALSE, Json.bool(r, "in_scope"));
    }

    @Test
    void applyAccepted() {
        String result = engine.apply(Fixtures.PROJECT, Fixtures.SUBMIT_DEMAND);
        Object r = Json.parse(result);
        assertEquals(Boolean.TRUE, Json.bool(r, "accepted"), result);
        assertEquals("draft", Json.str(r, "state_before"));
        assertEquals("demand_review", Json.str(r, "state_after"));
        assertEquals("demand_review", Json.str(r, "project", "state"));
        assertEquals(1, Json.arr(r, "project", "history").size());
        assertNotNull(Json.at(r, "project", "documents", "party_committee_decision"), result);
    }

    @Test
    void applyRefusedKeepsTheRecord() {
        // A big data center actor may not submit the demand (auth.role_not_permitted, block).
        String e = Fixtures.event("submit_demand", "2025-03-03", "big_data_center",
                Fixtures.BIG_DATA_CENTER, "party_committee_decision");
        String result = engine.apply(Fixtures.PROJECT, e);
        Object r = Json.parse(result);
        assertEquals(Boolean.FALSE, Json.bool(r, "accepted"), result);
        assertEquals("draft", Json.str(r, "state_after"));
        boolean block = false;
        for (Object f : Json.arr(r, "findings")) {
            block |= "block".equals(Json.str(f, "severity"));
        }
        assertTrue(block, result);
        assertEquals(Json.parse(Fixtures.PROJECT), Json.at(r, "project"));
    }

    @Test
    void walkToApprovedAndVerify() {
        String approved = Fixtures.walk(engine, Fixtures.PROJECT, Fixtures.toApproved());
        Object p = Json.parse(approved);
        assertEquals("approved", Json.str(p, "state"));
        assertEquals(5, Json.arr(p, "history").size());
        Object v = Json.parse(engine.verify(approved));
        assertEquals(Boolean.TRUE, Json.bool(v, "valid"), v.toString());
        assertTrue(Json.arr(v, "problems").isEmpty());
    }

    @Test
    void verifyFindsTampering() {
        String approved = Fixtures.walk(engine, Fixtures.PROJECT, Fixtures.toApproved());
        Map<String, Object> p = Json.obj(Json.parse(approved));
        List<Object> history = Json.arr(p, "history");
        history.remove(2); // drop the technical submission from the record
        Object v = Json.parse(engine.verify(Json.write(p)));
        assertEquals(Boolean.FALSE, Json.bool(v, "valid"), v.toString());
        assertFalse(Json.arr(v, "problems").isEmpty());
        Object problem = Json.arr(v, "problems").get(0);
        assertNotNull(Json.str(problem, "code"));
        assertNotNull(Json.str(problem, "message"));
    }

    @Test
    void dayInfo() {
        assertDay("2025-03-10", "weekday", true);          // Monday
        assertDay("2025-03-08", "weekend", false);         // Saturday
        assertDay("2025-10-01", "holiday", false);         // National Day
        assertDay("2025-09-28", "adjusted_workday", true); // Sunday worked for National Day
        Object r = Json.parse(engine.dayInfo("2025-10-01"));
        assertEquals("2025-10-01", Json.str(r, "date"));
        assertEquals(Boolean.TRUE, Json.bool(r, "calendar_known"));
        assertEquals(Boolean.FALSE, Json.bool(Json.parse(engine.dayInfo("2099-03-02")), "calendar_known"));
    }

    @Test
    void addWorkingDays() {
        // Art 28: the day of the act is not counted; 10 working days after Monday 2025-03-03.
        Object r = Json.parse(engine.addWorkingDays("2025-03-03", 10));
        assertEquals("2025-03-17", Json.str(r, "date"));
        assertEquals(Boolean.TRUE, Json.bool(r, "calendar_known"));
        // Across the National Day holiday (2025-10-01..08).
        assertEquals("2025-10-09", Json.str(Json.parse(engine.addWorkingDays("2025-09-30", 1)), "date"));
        assertEquals("2025-03-03", Json.str(Json.parse(engine.addWorkingDays("2025-03-03", 0)), "date"));
        // Negative: counting backwards.
        assertEquals("2025-03-03", Json.str(Json.parse(engine.addWorkingDays("2025-03-17", -10)), "date"));
        assertEquals(Boolean.FALSE,
                Json.bool(Json.parse(engine.addWorkingDays("2099-03-02", 5)), "calendar_known"));
    }

    @Test
    void rulesCatalogue() {
        List<Object> rules = Json.arr(Json.parse(engine.rules()));
        assertNotNull(rules);
        assertTrue(rules.size() >= 40, "rules: " + rules.size());
        Map<String, Object> late = null;
        for (Object r : rules) {
            assertNotNull(Json.str(r, "rule"), r.toString());
            assertNotNull(Json.str(r, "severity"), r.toString());
            assertNotNull(Json.str(r, "title"), r.toString());
            assertNotNull(Json.str(r, "title_en"), r.toString());
            assertTrue(Json.obj(r).containsKey("article"), r.toString());
            if ("art28.contract_signing_late".equals(Json.str(r, "rule"))) {
                late = Json.obj(r);
            }
        }
        assertNotNull(late, "art28.contract_signing_late in the catalogue");
        assertEquals("violation", late.get("severity"));
        assertEquals(28, ((java.math.BigDecimal) late.get("article")).intValueExact());
    }

    private static void assertDay(String date, String kind, boolean working) {
        Object r = Json.parse(engine.dayInfo(date));
        assertEquals(kind, Json.str(r, "kind"), date);
        assertEquals(working, Json.bool(r, "working_day"), date);
    }

    static Map<String, Object> finding(Object result, String rule) {
        for (Object f : Json.arr(result, "findings")) {
            if (rule.equals(Json.str(f, "rule"))) {
                return Json.obj(f);
            }
        }
        throw new AssertionError("no finding " + rule + " in " + Json.write(result));
    }
}
