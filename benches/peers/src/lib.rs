//! govit beside a peer policy engine: the rules of `submit_technical` (Art 6,
//! 7, 8, 9, 10, 11, 12, 13, 15, 17, 37) as a Rego policy (`policy/submit_technical.rego`)
//! evaluated by regorus, Microsoft's Rust Rego engine, and the generator of
//! project records both are judged on.
//!
//! Both deciders start from the same JSON text: govit gets the project record
//! and the event as `govit_apply` does; regorus gets them in one input document
//! `{"project": …, "event": …}` made of the same bytes. Each returns the set of
//! rule ids it found.
//!
//! This is a cargo package of its own (`[workspace]` in its Cargo.toml), so the
//! normal build of govit never compiles regorus.

use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The Rego policy, and the rule holding the set of findings.
pub const POLICY: &str = include_str!("../policy/submit_technical.rego");
pub const FINDINGS_RULE: &str = "data.govit.technical.findings";

/// A `submit_technical` decision to make: the record and the event, as JSON text.
#[derive(Clone, Debug)]
pub struct Case {
    pub project: String,
    pub event: String,
}

impl Case {
    /// The regorus input document, built from the same bytes.
    pub fn rego_input(&self) -> String {
        format!(r#"{{"project":{},"event":{}}}"#, self.project, self.event)
    }
}

/// The Rego policy, compiled once, evaluated per decision.
pub struct Rego {
    engine: regorus::Engine,
}

impl Default for Rego {
    fn default() -> Rego {
        Rego::new()
    }
}

impl Rego {
    pub fn new() -> Rego {
        let mut engine = regorus::Engine::new();
        engine
            .add_policy("submit_technical.rego".into(), POLICY.into())
            .expect("the policy parses");
        Rego { engine }
    }

    /// The rule ids the policy finds for `input_json` (`Case::rego_input`).
    pub fn decide(&mut self, input_json: &str) -> BTreeSet<String> {
        self.engine
            .set_input_json(input_json)
            .expect("input is JSON");
        let value = self
            .engine
            .eval_rule(FINDINGS_RULE.into())
            .expect("the policy evaluates");
        match value {
            regorus::Value::Set(set) => set
                .iter()
                .map(|v| v.as_string().expect("rule ids are strings").to_string())
                .collect(),
            regorus::Value::Undefined => BTreeSet::new(),
            other => panic!("unexpected result {other:?}"),
        }
    }
}

/// govit's decision: `apply_json` (JSON text in, the full result document out),
/// then the rule ids of its findings.
pub fn govit_decide(engine: &govit::Engine, case: &Case) -> BTreeSet<String> {
    let out = engine
        .apply_json(&case.project, &case.event)
        .expect("govit reads the case");
    rule_ids(&out)
}

/// govit's decision alone, like the policy's: read the record and the event from
/// the same JSON text and judge them (`Engine::decide`), without building the
/// new record or any output document.
pub fn govit_judge(engine: &govit::Engine, case: &Case) -> BTreeSet<String> {
    let project = engine
        .parse_project(&case.project)
        .expect("govit reads the record");
    let event = engine
        .parse_event(&case.event)
        .expect("govit reads the event");
    engine
        .decide(&project, &event)
        .findings
        .iter()
        .map(|f| f.rule.to_string())
        .collect()
}

pub fn rule_ids(result_json: &str) -> BTreeSet<String> {
    let doc: Value = serde_json::from_str(result_json).expect("result is JSON");
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule id").to_string())
        .collect()
}

/// A small deterministic RNG (xorshift64*), so a failing case is reproducible by index.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn coin(&mut self) -> bool {
        self.below(2) == 0
    }

    /// Each item with probability 1/2, in order.
    pub fn subset<'a>(&mut self, items: &[&'a str]) -> Vec<&'a str> {
        items.iter().copied().filter(|_| self.coin()).collect()
    }
}

const OWNER: &str = "曲阜市文化和旅游局";

/// Yuan from fen, with two decimals: 499999999 → "4999999.99".
fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The `i`-th generated case: a project past the structural gate of
/// `submit_technical` (in scope, `demand_approved`, or `draft` for an emergency
/// project, the right actor), with every attribute the rules read varied around
/// its boundaries: budget around 5,000,000.00, security budget around 5%,
/// audience, platforms, app types, shared use, integrations, cloud, documents on
/// file and attached, `is_new`, `emergency`, and for the emergency route's demand
/// (Art 6, 8, 15) blank texts and a cross-department project's departments.
pub fn case(i: u64) -> Case {
    let mut r = Rng::new(i + 1);
    let budget_fen: Option<i64> = match r.below(8) {
        0 => None,
        1 => Some(500_000_000), // 5,000,000.00: a major project (及以上)
        2 => Some(499_999_999), // 4,999,999.99: not
        3 => Some(500_000_001),
        4 => Some(0),
        5 => Some(300_000_000),
        6 => Some(860_000_000),
        _ => Some(100 + r.below(2_000_000_000) as i64),
    };
    let mut project = json!({
        "id": format!("QF-DIFF-{i:05}"),
        "name": "差分测试项目",
        "owner_unit": OWNER,
        "funding": ["government_investment"],
        "category": "business_system",
        "basis": "依据",
        "content": "内容",
        "goals": "目标",
        "location": "曲阜市政务云",
    });
    let p = project.as_object_mut().expect("object");
    // A blank text (Art 6): empty, spaces, null or absent.
    if r.below(6) == 0 {
        let key = ["basis", "content", "goals"][r.below(3) as usize];
        match r.below(4) {
            0 => p.insert(key.into(), json!("")),
            1 => p.insert(key.into(), json!("  ")),
            2 => p.insert(key.into(), Value::Null),
            _ => p.remove(key),
        };
    }
    // Art 15: a cross-department project, its lead and co-building departments given or not.
    if r.below(3) == 0 {
        p.insert("cross_department".into(), json!(true));
        if r.coin() {
            p.insert("lead_department".into(), json!(OWNER));
        }
        match r.below(3) {
            0 => {}
            1 => {
                p.insert("co_departments".into(), json!([" "]));
            }
            _ => {
                p.insert("co_departments".into(), json!(["曲阜市大数据中心"]));
            }
        }
    }
    if let Some(b) = budget_fen {
        p.insert("budget_yuan".into(), json!(yuan(b)));
        // Security budget around 5% of it: exactly, a fen under or over, far off, or absent.
        let five = b / 20 + i64::from(b % 20 != 0); // the least fen that is >= 5%
        let security = match r.below(6) {
            0 => None,
            1 => Some(five),
            2 => Some((five - 1).max(0)),
            3 => Some(five + 1),
            4 => Some(b / 10),
            _ => Some(b / 50),
        };
        if let Some(s) = security {
            p.insert("security_budget_yuan".into(), json!(yuan(s)));
        }
    }
    match r.below(4) {
        0 => {}
        1 => {
            p.insert("audience".into(), json!("internal"));
        }
        2 => {
            p.insert("audience".into(), json!("public"));
        }
        _ => {
            p.insert("audience".into(), json!("none"));
        }
    }
    let platforms = r.subset(&["shandong_tong", "integrated_online_service", "ai_shandong"]);
    if !platforms.is_empty() || r.coin() {
        p.insert("platforms".into(), json!(platforms));
    }
    let app_types = r.subset(&[
        "command_dispatch",
        "situational_awareness",
        "intelligent_algorithm",
        "law_enforcement_supervision",
    ]);
    if !app_types.is_empty() || r.coin() {
        p.insert("app_types".into(), json!(app_types));
    }
    for key in ["shared_use", "deploy_on_gov_cloud", "is_new"] {
        match r.below(3) {
            0 => {}
            1 => {
                p.insert(key.into(), json!(true));
            }
            _ => {
                p.insert(key.into(), json!(false));
            }
        }
    }
    if r.coin() {
        p.insert(
            "integrations".into(),
            json!(r.subset(&["internet_plus_supervision"])),
        );
    }
    let emergency = r.below(4) == 0;
    if emergency || r.coin() {
        p.insert("emergency".into(), json!(emergency));
    }
    let state = if emergency && r.coin() {
        "draft"
    } else {
        "demand_approved"
    };
    p.insert("state".into(), json!(state));
    let docs = [
        "construction_plan",
        "crypto_plan",
        "feasibility_study",
        "secure_reliable_statement",
        "security_responsibility_statement",
        "data_sharing_plan",
        "municipal_decision",
        "party_committee_decision",
        "overall_plan",
    ];
    // Most documents present most of the time, so records fail one or two rules.
    let mut on_file = serde_json::Map::new();
    let mut attached = Vec::new();
    for d in docs {
        match r.below(5) {
            0 => {}
            1 | 2 => {
                on_file.insert(d.into(), json!("2025-03-17"));
            }
            _ => attached.push(d),
        }
    }
    if !on_file.is_empty() {
        p.insert("documents".into(), Value::Object(on_file));
    }
    let event = json!({
        "type": "submit_technical",
        "date": "2025-04-01",
        "actor": {"role": "construction_unit", "unit": OWNER},
        "data": {"documents": attached},
    });
    Case {
        project: project.to_string(),
        event: event.to_string(),
    }
}
