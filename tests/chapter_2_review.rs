//! Chapter 2 (项目评审, Art 6–15): what demand review (`submit_demand`) and
//! technical review (`submit_technical`) require, and Art 14's priority note
//! in `check` (CONTRACT §5). Each rule: it fires, it does not, and its boundary.
mod support;
use govit::Engine;
use serde_json::{json, Value};
use support::*;

const DEMAND_INCOMPLETE: &str = "art06.demand_incomplete";
const PARTY_DECISION: &str = "art08.party_committee_decision_missing";
const JOINT_PLAN: &str = "art15.joint_plan_missing";
const CONSTRUCTION_PLAN: &str = "art06.construction_plan_missing";
const CRYPTO_PLAN: &str = "art06.crypto_plan_missing";
const FEASIBILITY: &str = "art06.feasibility_study_missing";
const SECURE_RELIABLE: &str = "art07.secure_reliable_statement_missing";
const OFF_CLOUD: &str = "art09.off_cloud_security_responsibility";
const INTERNAL_PLATFORM: &str = "art10.internal_platform";
const PUBLIC_PLATFORM: &str = "art10.public_platform";
const SHARED_USE: &str = "art11.shared_use_expected";
const SUPERVISION: &str = "art12.supervision_integration_missing";
const DATA_SHARING: &str = "art13.data_sharing_plan_missing";
const PRIORITY: &str = "art14.priority_project";

const TECHNICAL_DOCS: [&str; 4] = [
    "construction_plan",
    "crypto_plan",
    "secure_reliable_statement",
    "data_sharing_plan",
];

/// `submit_demand` on a draft declared with `patch`, filing `docs`.
fn submit_demand(engine: &Engine, patch: Value, docs: &[&str]) -> Value {
    let event = with_data(&path_event("submit_demand"), json!({ "documents": docs }));
    apply(engine, &sample_with(patch), &event)
}

/// `submit_technical` on a project declared with `patch`, filing `docs`.
fn submit_technical(engine: &Engine, patch: Value, docs: &[&str]) -> Value {
    let project = walk_from(engine, sample_with(patch), "demand_approved", &[]);
    let event = with_data(
        &path_event("submit_technical"),
        json!({ "documents": docs }),
    );
    apply(engine, &project, &event)
}

fn standard_technical(engine: &Engine, patch: Value) -> Value {
    submit_technical(engine, patch, &TECHNICAL_DOCS)
}

fn without(doc: &str) -> Vec<&'static str> {
    TECHNICAL_DOCS
        .iter()
        .copied()
        .filter(|d| *d != doc)
        .collect()
}

/// A finding's severity, article and citation are those of the contract.
fn assert_block(r: &Value, rule: &str, article: u64, citation: &str) {
    assert_eq!(r["accepted"], false, "{rule}: {:#}", r["findings"]);
    let f = finding(r, rule);
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], article);
    assert_eq!(
        f["citation"],
        format!("《曲阜市政务信息化项目建设管理办法》{citation}")
    );
}

/// The list after "缺少：" in a message, up to the first "。".
fn missing_zh(message: &str) -> &str {
    let rest = message
        .split("缺少：")
        .nth(1)
        .expect("a list of what is missing");
    rest.split('。').next().unwrap()
}

// ---- Art 6: 需求评审…明确项目建设依据、建设内容、建设目标、预算需求 ----

#[test]
fn art06_demand_complete_is_accepted() {
    let r = submit_demand(&engine(), json!({}), &["party_committee_decision"]);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "demand_review");
    assert!(!has_rule(&r, DEMAND_INCOMPLETE));
}

#[test]
fn art06_demand_incomplete_lists_what_is_missing_in_both_languages() {
    let patch = json!({"basis": null, "goals": "   ", "budget_yuan": "0"});
    let r = submit_demand(&engine(), patch.clone(), &["party_committee_decision"]);
    assert_block(&r, DEMAND_INCOMPLETE, 6, "第六条");
    assert_eq!(r["state_after"], "draft");
    let f = finding(&r, DEMAND_INCOMPLETE);
    let zh = f["message"].as_str().unwrap();
    for part in ["建设依据", "建设目标", "0.00 元", "第六条"] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    assert!(
        !missing_zh(zh).contains("content"),
        "content is declared: {zh}"
    );
    let en = f["message_en"].as_str().unwrap();
    for part in ["basis", "goals", "budget_yuan (is 0.00 yuan", "Art 6"] {
        assert!(en.contains(part), "{part} not in {en}");
    }
    let listed = en
        .split("lacks: ")
        .nth(1)
        .unwrap()
        .split(". ")
        .next()
        .unwrap();
    assert!(!listed.contains("content"), "{en}");
    // The en engine puts the English text in `message`.
    let r_en = submit_demand(&engine_en(), patch, &["party_committee_decision"]);
    assert_eq!(finding(&r_en, DEMAND_INCOMPLETE)["message"], en);
}

#[test]
fn art06_demand_incomplete_names_missing_content_and_undeclared_budget() {
    let r = submit_demand(
        &engine(),
        json!({"content": null, "budget_yuan": null}),
        &["party_committee_decision"],
    );
    let f = finding(&r, DEMAND_INCOMPLETE);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("建设内容"), "{zh}");
    assert!(zh.contains("未填写项目预算"), "{zh}");
    assert!(!missing_zh(zh).contains("建设依据"), "{zh}");
}

#[test]
fn art06_demand_budget_boundary_one_fen_is_enough() {
    let r = submit_demand(
        &engine(),
        json!({"budget_yuan": "0.01", "security_budget_yuan": "0.01"}),
        &["party_committee_decision"],
    );
    assert!(!has_rule(&r, DEMAND_INCOMPLETE), "{:#}", r["findings"]);
    let r = submit_demand(
        &engine(),
        json!({"budget_yuan": 0}),
        &["party_committee_decision"],
    );
    assert!(has_rule(&r, DEMAND_INCOMPLETE));
}

// ---- Art 8: 经部门（单位）党委（党组）会议集体研究 ----

#[test]
fn art08_party_committee_decision_missing_blocks() {
    let r = submit_demand(&engine(), json!({}), &[]);
    assert_block(&r, PARTY_DECISION, 8, "第八条");
    let f = finding(&r, PARTY_DECISION);
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("党委（党组）会议集体研究决定"));
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("party_committee_decision"));
    // The other content rules of the event are still reported with it.
    assert_eq!(rule_ids(&r), vec![PARTY_DECISION.to_string()]);
}

#[test]
fn art08_party_committee_decision_present_passes() {
    let r = submit_demand(&engine(), json!({}), &["party_committee_decision"]);
    assert!(!has_rule(&r, PARTY_DECISION));
}

// ---- Art 15: 跨部门…由项目牵头部门会同共建部门形成项目整体方案 ----

fn cross_department() -> Value {
    json!({
        "cross_department": true,
        "lead_department": UNIT,
        "co_departments": ["曲阜市公安局", "曲阜市交通运输局"]
    })
}

#[test]
fn art15_joint_plan_complete_passes() {
    let r = submit_demand(
        &engine(),
        cross_department(),
        &["party_committee_decision", "overall_plan"],
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, JOINT_PLAN));
}

#[test]
fn art15_missing_overall_plan_blocks() {
    let r = submit_demand(&engine(), cross_department(), &["party_committee_decision"]);
    assert_block(&r, JOINT_PLAN, 15, "第十五条");
    let f = finding(&r, JOINT_PLAN);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("缺少：项目整体方案。"), "{zh}");
    assert!(!zh.contains("缺少：牵头部门"), "{zh}");
    assert!(!zh.contains("共建部门、"), "{zh}");
}

#[test]
fn art15_names_missing_lead_and_co_departments() {
    let mut patch = cross_department();
    patch["lead_department"] = Value::Null;
    patch["co_departments"] = json!([]);
    let r = submit_demand(
        &engine(),
        patch,
        &["party_committee_decision", "overall_plan"],
    );
    let f = finding(&r, JOINT_PLAN);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("缺少：牵头部门、共建部门。"), "{zh}");
    assert!(
        !zh.contains("缺少：牵头部门、共建部门、项目整体方案"),
        "{zh}"
    );
    let en = f["message_en"].as_str().unwrap();
    assert!(
        en.contains("`lead_department`") && en.contains("`co_departments`"),
        "{en}"
    );
}

#[test]
fn art15_single_department_needs_no_joint_plan() {
    let r = submit_demand(
        &engine(),
        json!({"cross_department": false}),
        &["party_committee_decision"],
    );
    assert!(!has_rule(&r, JOINT_PLAN));
}

// ---- Art 6: 技术评审…编制项目建设方案和密码应用方案 ----

#[test]
fn standard_technical_submission_has_no_chapter_2_finding() {
    let r = standard_technical(&engine(), json!({}));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "technical_review");
    let chapter_2: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["article"].as_u64().is_some_and(|a| (6..=17).contains(&a)))
        .collect();
    assert!(chapter_2.is_empty(), "{chapter_2:#?}");
}

#[test]
fn art06_construction_plan_missing_blocks() {
    let r = submit_technical(&engine(), json!({}), &without("construction_plan"));
    assert_block(&r, CONSTRUCTION_PLAN, 6, "第六条");
    assert_eq!(r["state_after"], "demand_approved");
    assert!(finding(&r, CONSTRUCTION_PLAN)["message"]
        .as_str()
        .unwrap()
        .contains("项目建设方案"));
    assert!(!has_rule(&r, CRYPTO_PLAN));
}

#[test]
fn art06_construction_plan_already_on_file_counts() {
    // Filed with the demand: a document once filed stays on file.
    let engine = engine();
    let demand = with_data(
        &path_event("submit_demand"),
        json!({"documents": ["party_committee_decision", "construction_plan"]}),
    );
    let mut project = apply_ok(&engine, &sample(), &demand);
    project = apply_ok(&engine, &project, &path_event("pass_demand_review"));
    let event = with_data(
        &path_event("submit_technical"),
        json!({"documents": without("construction_plan")}),
    );
    let r = apply(&engine, &project, &event);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, CONSTRUCTION_PLAN));
}

#[test]
fn art06_crypto_plan_missing_blocks() {
    let r = submit_technical(&engine(), json!({}), &without("crypto_plan"));
    assert_block(&r, CRYPTO_PLAN, 6, "第六条");
    assert!(finding(&r, CRYPTO_PLAN)["message"]
        .as_str()
        .unwrap()
        .contains("密码应用方案"));
    assert!(!has_rule(&r, CONSTRUCTION_PLAN));
}

#[test]
fn every_missing_technical_document_is_reported_at_once() {
    let r = submit_technical(&engine(), json!({}), &[]);
    for rule in [
        CONSTRUCTION_PLAN,
        CRYPTO_PLAN,
        SECURE_RELIABLE,
        DATA_SHARING,
    ] {
        assert!(
            has_rule(&r, rule),
            "{rule} missing from {:#}",
            r["findings"]
        );
    }
}

// ---- Art 6: 500万元及以上的重大项目需提供可行性研究报告 ----

#[test]
fn art06_feasibility_exactly_five_million_needs_a_study() {
    let patch = json!({"budget_yuan": "5000000.00", "security_budget_yuan": "300000.00"});
    let r = standard_technical(&engine(), patch.clone());
    assert_block(&r, FEASIBILITY, 6, "第六条");
    let f = finding(&r, FEASIBILITY);
    let zh = f["message"].as_str().unwrap();
    for part in ["5,000,000.00 元", "500万元", "可行性研究报告", "第六条"] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    let en = f["message_en"].as_str().unwrap();
    for part in ["5,000,000.00 yuan", "feasibility_study", "Art 6"] {
        assert!(en.contains(part), "{part} not in {en}");
    }
    let r_en = standard_technical(&engine_en(), patch);
    assert_eq!(finding(&r_en, FEASIBILITY)["message"], en);
}

#[test]
fn art06_feasibility_one_fen_below_five_million_needs_none() {
    let r = standard_technical(
        &engine(),
        json!({"budget_yuan": "4999999.99", "security_budget_yuan": "300000.00"}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, FEASIBILITY));
}

#[test]
fn art06_feasibility_budget_as_json_number_is_read_exactly() {
    let r = standard_technical(
        &engine(),
        json!({"budget_yuan": 5000000, "security_budget_yuan": 300000}),
    );
    assert!(has_rule(&r, FEASIBILITY));
    let r = standard_technical(
        &engine(),
        json!({"budget_yuan": 4999999.99, "security_budget_yuan": 300000}),
    );
    assert!(!has_rule(&r, FEASIBILITY), "{:#}", r["findings"]);
}

#[test]
fn art06_feasibility_study_provided_passes() {
    let mut docs = TECHNICAL_DOCS.to_vec();
    docs.push("feasibility_study");
    let r = submit_technical(
        &engine(),
        json!({"budget_yuan": "12000000.00", "security_budget_yuan": "600000.00"}),
        &docs,
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, FEASIBILITY));
}

// ---- Art 7: 对产品的安全可靠情况进行说明，和项目建设方案一并提交技术评审 ----

#[test]
fn art07_secure_reliable_statement_missing_blocks() {
    let r = submit_technical(&engine(), json!({}), &without("secure_reliable_statement"));
    assert_block(&r, SECURE_RELIABLE, 7, "第七条");
    assert!(finding(&r, SECURE_RELIABLE)["message"]
        .as_str()
        .unwrap()
        .contains("产品安全可靠情况说明"));
}

#[test]
fn art07_secure_reliable_statement_present_passes() {
    assert!(!has_rule(
        &standard_technical(&engine(), json!({})),
        SECURE_RELIABLE
    ));
}

// ---- Art 9: 未能部署在政务云的…应当履行网络安全和数据保护主体责任 ----

#[test]
fn art09_off_cloud_without_statement_blocks() {
    let r = standard_technical(&engine(), json!({"deploy_on_gov_cloud": false}));
    assert_block(&r, OFF_CLOUD, 9, "第九条");
    let f = finding(&r, OFF_CLOUD);
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("网络安全和数据保护主体责任说明"));
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("security_responsibility_statement"));
}

#[test]
fn art09_off_cloud_with_statement_passes() {
    let mut docs = TECHNICAL_DOCS.to_vec();
    docs.push("security_responsibility_statement");
    let r = submit_technical(&engine(), json!({"deploy_on_gov_cloud": false}), &docs);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, OFF_CLOUD));
}

#[test]
fn art09_on_cloud_needs_no_statement() {
    // `deploy_on_gov_cloud` defaults to true.
    let r = standard_technical(&engine(), json!({"deploy_on_gov_cloud": null}));
    assert!(!has_rule(&r, OFF_CLOUD));
}

// ---- Art 10: 对公服务系统依托“山东通”；面向公众的依托一体化在线政务服务平台和“爱山东” ----

#[test]
fn art10_internal_system_without_shandong_tong_blocks() {
    let r = standard_technical(
        &engine(),
        json!({"audience": "internal", "platforms": ["ai_shandong"]}),
    );
    assert_block(&r, INTERNAL_PLATFORM, 10, "第十条");
    let f = finding(&r, INTERNAL_PLATFORM);
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("“山东通”平台") && zh.contains("申报的依托平台：“爱山东”移动政务服务平台（"),
        "{zh}"
    );
    assert!(!has_rule(&r, PUBLIC_PLATFORM));
}

#[test]
fn art10_internal_system_on_shandong_tong_passes() {
    let r = standard_technical(
        &engine(),
        json!({"audience": "internal", "platforms": ["shandong_tong"]}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, INTERNAL_PLATFORM));
}

#[test]
fn art10_public_system_needs_both_platforms() {
    let r = standard_technical(
        &engine(),
        json!({"audience": "public", "platforms": ["ai_shandong"]}),
    );
    assert_block(&r, PUBLIC_PLATFORM, 10, "第十条");
    let f = finding(&r, PUBLIC_PLATFORM);
    let en = f["message_en"].as_str().unwrap();
    assert!(en.contains("missing: integrated_online_service;"), "{en}");
    let r = standard_technical(&engine(), json!({"audience": "public", "platforms": []}));
    let zh = finding(&r, PUBLIC_PLATFORM)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        zh.contains("缺少：一体化在线政务服务平台、“爱山东”移动政务服务平台；"),
        "{zh}"
    );
}

#[test]
fn art10_public_system_on_both_platforms_passes_and_no_audience_needs_none() {
    // The sample is public on both platforms.
    assert!(!has_rule(
        &standard_technical(&engine(), json!({})),
        PUBLIC_PLATFORM
    ));
    for audience in [json!("none"), Value::Null] {
        let r = standard_technical(&engine(), json!({"audience": audience, "platforms": []}));
        assert!(!has_rule(&r, PUBLIC_PLATFORM) && !has_rule(&r, INTERNAL_PLATFORM));
    }
}

// ---- Art 11: 指挥调度、态势运行、智能算法等应用项目应共享共用 ----

#[test]
fn art11_algorithm_app_without_shared_use_blocks() {
    let r = standard_technical(
        &engine(),
        json!({"app_types": ["situational_awareness", "intelligent_algorithm"], "shared_use": false}),
    );
    // Art 11 says 应: the submission is refused until the application is shared.
    assert_eq!(r["accepted"], false, "{:#}", r["findings"]);
    let f = finding(&r, SHARED_USE);
    assert_eq!(f["severity"], "block");
    assert!(f["remedy"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(f["article"], 11);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("态势运行、智能算法"), "{zh}");
    assert!(!zh.contains("指挥调度类"), "{zh}");
}

#[test]
fn art11_shared_use_or_other_app_types_pass() {
    let r = standard_technical(
        &engine(),
        json!({"app_types": ["command_dispatch"], "shared_use": true}),
    );
    assert!(!has_rule(&r, SHARED_USE));
    let r = standard_technical(
        &engine(),
        json!({"app_types": ["law_enforcement_supervision"], "integrations": ["internet_plus_supervision"]}),
    );
    assert!(!has_rule(&r, SHARED_USE));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
}

// ---- Art 12: 执法监管业务系统应与省“互联网+监管”系统对接 ----

#[test]
fn art12_supervision_system_without_integration_blocks() {
    let r = standard_technical(
        &engine(),
        json!({"app_types": ["law_enforcement_supervision"]}),
    );
    assert_block(&r, SUPERVISION, 12, "第十二条");
    assert!(finding(&r, SUPERVISION)["message"]
        .as_str()
        .unwrap()
        .contains("省“互联网+监管”系统"));
}

#[test]
fn art12_integration_declared_passes() {
    let r = standard_technical(
        &engine(),
        json!({"app_types": ["law_enforcement_supervision"], "integrations": ["internet_plus_supervision"]}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, SUPERVISION));
}

// ---- Art 13: 建立信息共享长效机制 ----

#[test]
fn art13_data_sharing_plan_missing_blocks() {
    let r = submit_technical(&engine(), json!({}), &without("data_sharing_plan"));
    assert_block(&r, DATA_SHARING, 13, "第十三条");
    assert!(finding(&r, DATA_SHARING)["message"]
        .as_str()
        .unwrap()
        .contains("信息共享方案"));
    assert_eq!(rule_ids(&r), vec![DATA_SHARING.to_string()]);
}

#[test]
fn art13_data_sharing_plan_present_passes() {
    assert!(!has_rule(
        &standard_technical(&engine(), json!({})),
        DATA_SHARING
    ));
}

// ---- Art 14: 优先支持国家和省、市试点、民生保障、优化营商环境等 ----

#[test]
fn art14_priority_project_is_noted_in_check() {
    let project =
        sample_with(json!({"priority_categories": ["livelihood", "business_environment"]}));
    let r = check(&engine(), &project, json!({"as_of": "2025-03-01"}));
    let f = finding(&r, PRIORITY);
    assert_eq!(f["severity"], "info");
    assert_eq!(f["article"], 14);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("民生保障、优化营商环境"), "{zh}");
    assert!(!zh.contains("试点："), "{zh}");
    let en = f["message_en"].as_str().unwrap();
    assert!(en.contains("livelihood, business_environment"), "{en}");
}

#[test]
fn art14_no_priority_category_no_note() {
    let r = check(&engine(), &sample(), json!({"as_of": "2025-03-01"}));
    assert!(!has_rule(&r, PRIORITY));
}

#[test]
fn art14_is_a_check_note_not_an_event_finding() {
    let engine = engine();
    let project = sample_with(json!({"priority_categories": ["pilot"]}));
    let r = apply(&engine, &project, &path_event("submit_demand"));
    assert!(!has_rule(&r, PRIORITY));
    // Terminated: no support any more, so no note.
    let mut terminated = project.clone();
    terminated["state"] = json!("terminated");
    assert!(!has_rule(&check(&engine, &terminated, json!({})), PRIORITY));
}

// ---- the catalogue lists each rule as CONTRACT §5 does ----

#[test]
fn catalogue_entries_match_the_contract() {
    // The demand rules also judge the emergency route's `submit_technical` (Art 17);
    // the technical rules stand at every step that relies on technical review.
    const DEMAND: &[&str] = &["submit_demand", "submit_technical"];
    const TECHNICAL: &[&str] = &[
        "submit_technical",
        "pass_technical_review",
        "approve",
        "approve_change",
    ];
    let expected: &[(&str, u8, &str, &[&str], bool)] = &[
        (DEMAND_INCOMPLETE, 6, "block", DEMAND, false),
        (PARTY_DECISION, 8, "block", DEMAND, false),
        (JOINT_PLAN, 15, "block", DEMAND, false),
        (CONSTRUCTION_PLAN, 6, "block", TECHNICAL, true),
        (CRYPTO_PLAN, 6, "block", TECHNICAL, true),
        (FEASIBILITY, 6, "block", TECHNICAL, true),
        (SECURE_RELIABLE, 7, "block", TECHNICAL, true),
        (OFF_CLOUD, 9, "block", TECHNICAL, true),
        (INTERNAL_PLATFORM, 10, "block", TECHNICAL, true),
        (PUBLIC_PLATFORM, 10, "block", TECHNICAL, true),
        (SHARED_USE, 11, "block", TECHNICAL, true),
        (SUPERVISION, 12, "block", TECHNICAL, true),
        (DATA_SHARING, 13, "block", TECHNICAL, true),
        (PRIORITY, 14, "info", &[], true),
    ];
    let infos = serde_json::to_value(govit::rules::rule_infos()).unwrap();
    for (id, article, severity, events, in_check) in expected {
        let info = infos
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["rule"] == *id)
            .unwrap_or_else(|| panic!("{id} is not in the catalogue"));
        assert_eq!(info["article"], *article, "{id}");
        assert_eq!(info["severity"], *severity, "{id}");
        assert_eq!(info["events"], json!(events), "{id}");
        assert_eq!(info["check"], *in_check, "{id}");
        assert!(
            !info["title"].as_str().unwrap().is_empty()
                && !info["title_en"].as_str().unwrap().is_empty()
        );
    }
}
