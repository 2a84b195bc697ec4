//! Properties of history over random event sequences (issue 4, CONTRACT §4, §6):
//! replay reproduces the record, a refused event never changes the record, every
//! accepted transition is in the transition table, and `verify` accepts every
//! record the kernel produced.
//!
//! Each case walks a project from `draft` with events mostly chosen among
//! `allowed_events` of the current record (a permitted role and unit, plausible
//! data, dates moving forward), mixed with random events that are often invalid
//! (any type, any role, another unit, a date in the past).
mod support;

use chrono::{Duration, NaiveDate};
use govit::history::replay;
use govit::lifecycle::{allowed_events, Transition, TRANSITIONS};
use govit::model::Locale;
use govit::model::{Event, EventType, Project, Role};
use proptest::prelude::*;
use serde_json::{json, Value};
use support::*;

#[derive(Clone, Debug)]
struct Step {
    /// Which event (among the allowed ones, or among all for a random event).
    pick: usize,
    /// Which role (among the permitted ones, or among all).
    role: usize,
    /// Days after the last event (or before it, for some random events).
    days: i64,
    /// A random, probably invalid event instead of an allowed one.
    random: bool,
    /// A variant of the data (compliant or not, budget change or not …).
    flag: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        any::<usize>(),
        any::<usize>(),
        0i64..60,
        prop::bool::weighted(0.2),
        any::<bool>(),
    )
        .prop_map(|(pick, role, days, random, flag)| Step {
            pick,
            role,
            days,
            random,
            flag,
        })
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Plausible data for `kind`: what the standard path sends, varied by the step.
fn data_for(kind: EventType, date: NaiveDate, s: &Step) -> Value {
    use EventType as E;
    let later = |days: i64| day(date + Duration::days(days));
    match kind {
        E::SubmitDemand => json!({"documents": ["party_committee_decision"]}),
        E::PassDemandReview => json!({"documents": ["review_opinion"]}),
        E::SubmitTechnical => {
            json!({"documents": ["construction_plan", "crypto_plan", "secure_reliable_statement", "data_sharing_plan"]})
        }
        E::FileResponsibilityLetter => json!({"documents": ["responsibility_letter"]}),
        E::StartProcurement => json!({"method": "public_tender"}),
        E::AwardBid => json!({"notice_date": day(date), "supplier": "山东浪潮数字政府有限公司"}),
        E::SignContract => json!({
            "clauses": ["name", "subject_scope", "performance_plan", "confidentiality", "result_ownership", "acceptance_criteria", "glossary", "ip_ownership", "data_ownership", "ip_liability", "implementation_period", "warranty_terms"],
            "legal_review": true, "legal_counsel": "山东孔孟律师事务所", "implementation_months": 12, "warranty_months": if s.flag { 24 } else { 12 }
        }),
        E::StartImplementation => {
            json!({"implementing_agency": "曲阜市文化和旅游局信息中心", "responsible_person": "孔令华"})
        }
        E::RequestChange if s.flag => {
            json!({"aspects": ["budget_yuan"], "proposed": {"budget_yuan": "3200000.00"}})
        }
        E::RequestChange => {
            json!({"aspects": ["planned_completion"], "proposed": {"planned_completion": later(300)}})
        }
        E::ReportProgress => json!({"spent_yuan": format!("{}.00", 100_000 * (s.pick % 40))}),
        E::RequestExtension | E::ApproveExtension => json!({"new_deadline": later(180)}),
        E::PassPreliminaryAcceptance => json!({"documents": ["mlps_filing", "crypto_assessment"]}),
        E::PassFinalAcceptance => {
            json!({"actual_cost_yuan": "2900000.00", "documents": ["acceptance_opinion"], "delegated": true})
        }
        E::FailFinalAcceptance => json!({"rectification_deadline": later(60)}),
        E::ResubmitFinalAcceptance => json!({"documents": ["rectification_plan"]}),
        E::SubmitSelfEvaluation => {
            json!({"year": date.format("%Y").to_string().parse::<i32>().unwrap() - 1})
        }
        E::CompletePostEvaluation => {
            json!({"result": (["excellent", "good", "pass", "poor"][s.pick % 4])})
        }
        E::RecordAssessment => {
            json!({"kind": (["crypto_assessment", "mlps_assessment", "risk_assessment"][s.pick % 3])})
        }
        E::RequestOmFunding => {
            json!({"year": date.format("%Y").to_string().parse::<i32>().unwrap(), "data_shared": true,
            "unified_infrastructure": true, "crypto_compliant": true, "security_compliant": true, "major_security_risk": false})
        }
        E::OrderRectification => {
            json!({"order_id": format!("ZG-{}", s.pick % 3), "issues": ["整改事项"], "deadline": later((s.pick % 40) as i64)})
        }
        E::CompleteRectification => {
            json!({"order_id": format!("ZG-{}", s.pick % 3), "compliant": s.flag})
        }
        _ => json!({}),
    }
}

fn actor(role: Role, other_unit: bool) -> Value {
    match (role, other_unit) {
        (Role::ConstructionUnit, false) => json!({"role": role.as_str(), "unit": UNIT}),
        (Role::ConstructionUnit, true) => json!({"role": role.as_str(), "unit": "曲阜市某其他局"}),
        _ => json!({"role": role.as_str()}),
    }
}

/// The event for `s` on `project`, or `None` when no event can be built (a terminated
/// project, or random data the event cannot do without).
fn event_for(project: &Project, last: NaiveDate, s: &Step) -> Option<(Event, NaiveDate)> {
    let (kind, role, other_unit, date) = if s.random {
        let kind = EventType::ALL[s.pick % EventType::ALL.len()];
        let role = Role::ALL[s.role % Role::ALL.len()];
        let date = if s.flag {
            last - Duration::days(s.days)
        } else {
            last + Duration::days(s.days)
        };
        (kind, role, s.role % 7 == 0, date)
    } else {
        let mut allowed = allowed_events(project, None);
        // Termination ends the walk: take it rarely.
        if s.pick % 8 != 0 {
            allowed.retain(|&k| k != EventType::Terminate);
        }
        if allowed.is_empty() {
            return None;
        }
        let kind = allowed[s.pick % allowed.len()];
        let roles = Transition::of(kind).roles;
        (
            kind,
            roles[s.role % roles.len()],
            false,
            last + Duration::days(s.days),
        )
    };
    let value = json!({"type": kind.as_str(), "date": day(date), "actor": actor(role, other_unit), "data": data_for(kind, date, s)});
    Event::from_value("$", value).ok().map(|e| (e, date))
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let engine = engine();
    let mut project = parse_project(&sample());
    let mut last = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    let mut accepted = 0;
    for (i, s) in steps.iter().enumerate() {
        let Some((event, date)) = event_for(&project, last, s) else {
            continue;
        };
        let (result, next) = engine.apply(&project, &event);
        // The JSON API decides the same and writes the same record.
        let json: Value = serde_json::from_str(
            &engine
                .apply_json(&project.to_value().to_string(), event.raw.get())
                .expect("apply"),
        )
        .unwrap();
        prop_assert_eq!(
            &json["findings"],
            &serde_json::to_value(&result.findings).unwrap()
        );
        prop_assert_eq!(result.state_before, project.state);
        match next {
            None => {
                // Refused: the record is unchanged, and a block says why.
                prop_assert!(!result.accepted);
                prop_assert_eq!(&json["project"], &project.to_value());
                prop_assert!(result.findings.iter().any(|f| f.is_blocking()));
            }
            Some(next) => {
                prop_assert!(result.accepted);
                // The transition is a row of the table, from a permitted state, by a permitted role.
                let row = TRANSITIONS.iter().find(|t| t.event == event.kind).unwrap();
                prop_assert!(
                    row.starts_from(project.state),
                    "{} from {}",
                    event.kind,
                    project.state
                );
                prop_assert!(
                    row.roles.contains(&event.actor.role),
                    "{} by {}",
                    event.kind,
                    event.actor.role
                );
                prop_assert_eq!(next.state, row.target(&project));
                prop_assert_eq!(result.state_after, next.state);
                prop_assert_eq!(next.history.len(), project.history.len() + 1);
                prop_assert!(next
                    .history
                    .raw()
                    .take(project.history.len())
                    .eq(project.history.raw()));
                prop_assert_eq!(&json["project"], &next.to_value());
                project = next;
                last = date;
                accepted += 1;
                if i % 10 == 9 {
                    let report = engine.verify(&project);
                    prop_assert!(report.valid, "{:?}", report.problems);
                }
            }
        }
    }
    // The record survives the host's storage: JSON out and back is the same record.
    let stored = project.to_value();
    prop_assert_eq!(&Project::from_value(stored.clone()).unwrap(), &project);
    // verify accepts it, typed and through the JSON API.
    let report = engine.verify(&project);
    prop_assert!(report.valid, "{:?}", report.problems);
    let out: Value =
        serde_json::from_str(&engine.verify_json(&stored.to_string()).unwrap()).unwrap();
    prop_assert_eq!(&out["valid"], &json!(true), "{:#}", out);
    // Replay from the first snapshot gives back the same record.
    if accepted > 0 {
        let (rebuilt, problems) = replay(&project, Locale::En);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(rebuilt.unwrap().to_value(), stored);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn kernel_histories_verify_and_replay(steps in prop::collection::vec(step(), 1..40)) {
        run(&steps)?;
    }
}

/// The walks reach far into the lifecycle, so the properties are not only tested near `draft`.
#[test]
fn random_walks_reach_operation() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let engine = engine();
    let mut runner = TestRunner::deterministic();
    let mut deepest = 0;
    for _ in 0..16 {
        let steps = prop::collection::vec(step(), 120)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let mut project = parse_project(&sample());
        let mut last = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        for s in steps.iter().filter(|s| !s.random) {
            if let Some((event, date)) = event_for(&project, last, s) {
                if let (_, Some(next)) = engine.apply(&project, &event) {
                    project = next;
                    last = date;
                }
            }
        }
        deepest = deepest.max(project.history.len());
        assert!(engine.verify(&project).valid);
    }
    assert!(deepest >= 20, "the deepest walk has only {deepest} entries");
}

/// A kernel record with at least `min` entries, from a deterministic walk.
fn kernel_record(seed: u64, min: usize) -> Project {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed as u8; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let engine = engine();
    loop {
        let steps = prop::collection::vec(step(), 150)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let mut project = parse_project(&sample());
        let mut last = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        for s in steps.iter().filter(|s| !s.random) {
            if let Some((event, date)) = event_for(&project, last, s) {
                if let (_, Some(next)) = engine.apply(&project, &event) {
                    project = next;
                    last = date;
                }
            }
        }
        if project.history.len() >= min {
            return project;
        }
    }
}

#[derive(Clone, Debug)]
enum Tamper {
    EditDate(usize),
    AddDataKey(usize),
    EditStateAfter(usize),
    EditFindings(usize),
    EditHash(usize),
    EditPrev(usize),
    RemoveNotLast(usize),
    Swap(usize, usize),
    Duplicate(usize),
    MoveToEnd(usize),
}

fn tamper() -> impl Strategy<Value = Tamper> {
    let i = any::<usize>();
    prop_oneof![
        i.prop_map(Tamper::EditDate),
        i.prop_map(Tamper::AddDataKey),
        i.prop_map(Tamper::EditStateAfter),
        i.prop_map(Tamper::EditFindings),
        i.prop_map(Tamper::EditHash),
        i.prop_map(Tamper::EditPrev),
        i.prop_map(Tamper::RemoveNotLast),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Tamper::Swap(a, b)),
        i.prop_map(Tamper::Duplicate),
        i.prop_map(Tamper::MoveToEnd),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any single tampering with the history of a kernel record is detected, and
    /// never makes verify fail or panic.
    #[test]
    fn any_single_tampering_is_detected(seed in 0u64..4, t in tamper()) {
        let project = kernel_record(seed, 8).to_value();
        let mut p = project.clone();
        let h = p["history"].as_array_mut().unwrap();
        let n = h.len();
        match t {
            Tamper::EditDate(i) => h[i % n]["event"]["date"] = json!("2031-02-03"),
            Tamper::AddDataKey(i) => h[i % n]["event"]["data"]["oa_note"] = json!("补录"),
            Tamper::EditStateAfter(i) => {
                let s = if h[i % n]["state_after"] == "terminated" { "draft" } else { "terminated" };
                h[i % n]["state_after"] = json!(s);
            }
            Tamper::EditFindings(i) => h[i % n]["findings"].as_array_mut().unwrap().push(json!("art28.contract_signing_late")),
            Tamper::EditHash(i) => {
                let hash = h[i % n]["hash"].as_str().unwrap();
                let first = if hash.starts_with('0') { '1' } else { '0' };
                let flipped: String = std::iter::once(first).chain(hash.chars().skip(1)).collect();
                h[i % n]["hash"] = json!(flipped);
            }
            Tamper::EditPrev(i) => h[i % n]["prev"] = json!("f".repeat(64)),
            Tamper::RemoveNotLast(i) => {
                h.remove(i % (n - 1));
            }
            Tamper::Swap(a, b) => {
                let (a, b) = (a % n, b % n);
                let b = if a == b { (b + 1) % n } else { b };
                h.swap(a, b);
            }
            Tamper::Duplicate(i) => {
                let copy = h[i % n].clone();
                h.insert(i % n, copy);
            }
            Tamper::MoveToEnd(i) => {
                let moved = h.remove(i % (n - 1));
                h.push(moved);
            }
        }
        let out: Value = serde_json::from_str(&engine().verify_json(&p.to_string()).unwrap()).unwrap();
        prop_assert_eq!(&out["valid"], &json!(false), "{:?} not detected", t);
        let problems = out["problems"].as_array().unwrap();
        prop_assert!(!problems.is_empty());
        // One act, a short report: never more problems than two per entry touched.
        prop_assert!(problems.len() <= 4, "{:?}: {:#}", t, out);
    }
}
