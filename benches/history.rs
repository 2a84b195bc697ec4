//! `verify` of a 1,000-event history (issue 4: well under a millisecond per event).
//!
//! The history walks the standard path to `implementing`, then reports progress
//! until it has 1,000 entries. Measured: the typed `verify` (hash chain, replay,
//! record comparison) and `verify_json` (the same plus parsing the record, what
//! `govit_verify` does). Criterion's throughput line gives events per second.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use govit::model::Locale;
use govit::model::{Event, Project};
use govit::Engine;
use serde_json::{json, Value};

const EVENTS: usize = 1_000;
const UNIT: &str = "曲阜市文化和旅游局";

fn ev(kind: &str, date: &str, role: &str, data: Value) -> Event {
    let actor = if role == "construction_unit" {
        json!({"role": role, "unit": UNIT})
    } else {
        json!({"role": role})
    };
    Event::from_value(
        "$",
        json!({"type": kind, "date": date, "actor": actor, "data": data}),
    )
    .expect("valid event")
}

fn long_history(engine: &Engine) -> Project {
    let mut project = Project::from_value(json!({
        "id": "QF-BENCH-001", "name": "曲阜市文旅惠民服务平台", "owner_unit": UNIT,
        "funding": ["government_investment"], "category": "business_system", "is_new": true,
        "basis": "《曲阜市“十四五”数字政府建设规划》", "content": "景区预约、文化活动报名、惠民消费券发放",
        "goals": "2026年底前实现景区预约“一网通办”", "location": "曲阜市政务云",
        "budget_yuan": "3000000.00", "security_budget_yuan": "180000.00",
        "procurement_method": "public_tender", "planned_completion": "2026-12-31",
        "audience": "public", "platforms": ["integrated_online_service", "ai_shandong"]
    }))
    .expect("valid project");
    let cu = "construction_unit";
    let path = [
        ev(
            "submit_demand",
            "2025-03-03",
            cu,
            json!({"documents": ["party_committee_decision"]}),
        ),
        ev(
            "pass_demand_review",
            "2025-03-17",
            "big_data_center",
            json!({"documents": ["review_opinion"]}),
        ),
        ev(
            "submit_technical",
            "2025-04-01",
            cu,
            json!({"documents": ["construction_plan", "crypto_plan", "secure_reliable_statement", "data_sharing_plan"]}),
        ),
        ev(
            "pass_technical_review",
            "2025-04-21",
            "big_data_center",
            json!({"documents": ["review_opinion"]}),
        ),
        ev("approve", "2025-05-06", "big_data_center", json!({})),
        ev(
            "approve_budget",
            "2025-06-03",
            "finance",
            json!({"copied_to_big_data_center": true}),
        ),
        ev(
            "file_responsibility_letter",
            "2025-06-10",
            cu,
            json!({"documents": ["responsibility_letter"]}),
        ),
        ev(
            "start_procurement",
            "2025-07-01",
            cu,
            json!({"method": "public_tender"}),
        ),
        ev(
            "award_bid",
            "2025-09-26",
            cu,
            json!({"notice_date": "2025-09-26", "supplier": "山东浪潮数字政府有限公司"}),
        ),
        ev(
            "sign_contract",
            "2025-10-16",
            cu,
            json!({
            "clauses": ["name", "subject_scope", "performance_plan", "confidentiality", "result_ownership", "acceptance_criteria", "glossary", "ip_ownership", "data_ownership", "ip_liability", "implementation_period", "warranty_terms"],
            "legal_review": true, "legal_counsel": "山东孔孟律师事务所", "implementation_months": 12, "warranty_months": 24}),
        ),
        ev("file_contract", "2025-10-24", cu, json!({})),
        ev(
            "start_implementation",
            "2025-11-03",
            cu,
            json!({"implementing_agency": "曲阜市文化和旅游局信息中心", "responsible_person": "孔令华"}),
        ),
    ];
    let progress = ev(
        "report_progress",
        "2026-03-02",
        cu,
        json!({"spent_yuan": "1200000.00"}),
    );
    for event in path.iter().chain(std::iter::repeat(&progress)) {
        if project.history.len() == EVENTS {
            break;
        }
        let (result, next) = engine.apply(&project, event);
        project = next.unwrap_or_else(|| panic!("{} refused: {:?}", event.kind, result.findings));
    }
    project
}

fn bench_verify(c: &mut Criterion) {
    let engine = Engine::new(None).expect("engine");
    let project = long_history(&engine);
    let json = project.to_value().to_string();
    assert!(govit::history::verify(&project, Locale::ZhCn).valid);
    let mut group = c.benchmark_group("verify");
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_with_input(BenchmarkId::new("typed", EVENTS), &project, |b, p| {
        b.iter(|| govit::history::verify(p, Locale::ZhCn))
    });
    group.bench_with_input(BenchmarkId::new("json", EVENTS), &json, |b, text| {
        b.iter(|| engine.verify_json(text).expect("verify"))
    });
    group.finish();
}

criterion_group!(benches, bench_verify);
criterion_main!(benches);
