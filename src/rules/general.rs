//! Chapter 1 (general provisions), chapter 10 (entry into force) and the
//! structural rules of the lifecycle: state, order of dates, role and unit.

use super::{Ctx, Events, Hit, Rule, Since, Stage, RULE};
use crate::lifecycle::{role_permitted, state_problem, unit_matches, StateProblem, Transition};
use crate::model::*;

/// The date the measures entered into force (Art 47).
pub fn in_force_from() -> Date {
    Date::ymd(2024, 7, 1).expect("valid date")
}

pub static RULES: &[Rule] = &[
    Rule {
        id: "art02.out_of_scope",
        article: Some(2),
        severity: Severity::Block,
        title: "不属于本办法适用范围（涉密或无政府资金）",
        title_en: "Outside the scope of the measures (classified, or no government funding)",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Any,
        check: true,
        eval: out_of_scope,
        remedy: (
            "核对申报信息中的“是否涉密”和“资金来源”；涉密系统按涉密信息系统管理规定办理，不使用政府资金的项目不在本办法管理范围内。",
            "Check the declared classification and funding; a classified system follows the rules for classified systems, and a project without government funds is outside the measures.",
        ),
        ..RULE
    },
    Rule {
        id: "art47.not_in_force",
        article: Some(47),
        severity: Severity::Info,
        title: "事件早于本办法施行日期（2024年7月1日），仅按状态机判断",
        title_en: "Event dated before the measures took effect (2024-07-01); judged by the state machine only",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Any,
        eval: not_in_force,
        ..RULE
    },
    Rule {
        id: "lifecycle.date_out_of_order",
        article: None,
        severity: Severity::Block,
        title: "事件日期早于上一事件",
        title_en: "Event dated before the last recorded event",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Any,
        eval: date_out_of_order,
        remedy: (
            "核对办理日期，按实际发生的先后顺序登记。",
            "Check the date, and record events in the order they happened.",
        ),
        ..RULE
    },
    Rule {
        id: "lifecycle.invalid_transition",
        article: None,
        severity: Severity::Block,
        title: "当前状态下不允许该事件",
        title_en: "Event not allowed in the current state",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Any,
        eval: invalid_transition,
        remedy: (
            "按办理流程先办理前一环节的事项，或查看“可办理事项”。",
            "Take the steps the lifecycle requires first; the allowed events list what may come next.",
        ),
        ..RULE
    },
    Rule {
        id: "auth.role_not_permitted",
        article: None,
        severity: Severity::Block,
        title: "该角色无权执行此事件",
        title_en: "This role may not perform the event",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Any,
        eval: role_not_permitted,
        remedy: (
            "由有权办理的部门（见说明）办理该事项。",
            "Have the department named in the message perform the event.",
        ),
        ..RULE
    },
    Rule {
        id: "auth.unit_mismatch",
        article: None,
        severity: Severity::Block,
        title: "操作单位不是本项目的建设单位（或牵头部门）",
        title_en: "The acting unit is not the project's construction (or lead) unit",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Any,
        eval: unit_mismatch,
        remedy: (
            "由本项目的建设单位（跨部门项目为牵头部门）办理，并核对办理单位名称。",
            "Have the project's construction unit (for a cross-department project, its lead department) perform it, and check the unit's name.",
        ),
        ..RULE
    },
    Rule {
        id: "input.possible_typo",
        article: None,
        severity: Severity::Warning,
        title: "有字段名疑似拼写错误，该字段未被识别",
        title_en: "A key the kernel does not know looks like a misspelt known key",
        stage: Stage::Notes,
        since: Since::Always,
        events: Events::Any,
        check: true,
        eval: possible_typo,
        ..RULE
    },
    Rule {
        id: "calendar.year_unknown",
        article: None,
        severity: Severity::Warning,
        title: "期限计算涉及日历未收录的年份，按周一至周五为工作日推算",
        title_en: "A deadline depends on a year the calendar does not know; Monday to Friday assumed working days",
        stage: Stage::Notes,
        since: Since::Always,
        events: Events::Any,
        check: true,
        eval: calendar_year_unknown,
        ..RULE
    },
];

// Art 2: 本办法适用于非涉密政务信息系统 … 由政府投资建设 … 或需要政府资金运行维护的.
fn out_of_scope(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if a.classified {
        return vec![Hit::new(
            "该项目为涉密信息系统，不适用本办法（第二条仅适用于非涉密政务信息系统），请按涉密信息系统管理规定办理。",
            "The project is a classified system; the measures apply only to non-classified government systems (Art 2). Handle it under the rules for classified systems.",
        )];
    }
    if a.funding.is_empty() {
        return vec![Hit::new(
            "项目未申报任何政府资金来源（政府投资、政企联合、专项债券、购买服务或政府资金运维），不属于本办法适用范围（第二条）。",
            "The project declares no government funding (investment, joint build, special bond, service purchase or government-funded O&M), so it is outside the measures' scope (Art 2).",
        )];
    }
    Vec::new()
}

// Art 47: 本办法自2024年7月1日起施行.
fn not_in_force(ctx: &Ctx) -> Vec<Hit> {
    match ctx.event {
        Some(e) if e.date < in_force_from() => vec![Hit::new(
            format!("事件日期 {} 早于本办法施行日期 2024-07-01，仅按生命周期状态判断，不适用内容规则。", e.date),
            format!("The event date {} is before the measures took effect on 2024-07-01; it is judged by the lifecycle only, without content rules.", e.date),
        )],
        _ => Vec::new(),
    }
}

fn date_out_of_order(ctx: &Ctx) -> Vec<Hit> {
    match (ctx.event, ctx.last_event_date()) {
        (Some(e), Some(last)) if e.date < last => vec![Hit::new(
            format!("事件日期 {} 早于上一条记录的日期 {}，事件须按发生顺序登记。", e.date, last),
            format!("The event date {} is before the last recorded event ({}); events must be recorded in the order they happened.", e.date, last),
        )],
        _ => Vec::new(),
    }
}

// The transition table (CONTRACT §4). Art 16, 19, 22 and 44 explain some of these
// cases more precisely once in force, and supersede this rule then.
fn invalid_transition(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    let state = ctx.project.state;
    match state_problem(ctx.project, e.kind) {
        Some(StateProblem::NotFromState) => {
            let t = Transition::of(e.kind);
            let from = t.from_names().join(", ");
            let from_zh: Vec<&str> = State::ALL
                .iter()
                .filter(|s| t.starts_from(**s))
                .map(|s| s.zh())
                .collect();
            let from_zh = from_zh.join("、");
            vec![Hit::new(
                format!("项目当前状态为“{}”，不能办理“{}”；该事项只能在以下状态办理：{}。", state.zh(), e.kind.zh(), from_zh),
                format!("The project is in state `{state}`; `{}` is only allowed from: {from}.", e.kind),
            )]
        }
        Some(StateProblem::NotEmergency) => vec![Hit::new(
            "只有因突发性或临时性工作要求急需追加的项目（第十七条）可以不经需求评审直接提交技术评审；本项目申报为不属于急需追加项目，请先提交需求评审。",
            "Only an emergency project (Art 17) may go to technical review without demand review; this project is not marked `emergency`.",
        )],
        Some(StateProblem::NotHigherLevel) => vec![Hit::new(
            "项目未填写上级组织部门（国家有关部委或省有关厅局），不能备案入库。",
            "The project does not state it is organised by a national ministry or provincial department (`higher_level` is null), so it cannot be filed into the library.",
        )],
        None => Vec::new(),
    }
}

fn role_not_permitted(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    if role_permitted(e, ctx.project) {
        return Vec::new();
    }
    let roles = Transition::of(e.kind).roles;
    let zh: Vec<&str> = roles.iter().map(|r| r.zh()).collect();
    let en: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    // A construction unit not delegated final acceptance is `art34.not_delegated`'s case.
    let note = if e.actor.role == Role::AdminApproval && roles.contains(&Role::AdminApproval) {
        (
            "（市行政审批服务局仅对其立项的建设工程附属项目行使项目审批部门职责，第四条、第十六条、第四十一条）",
            " (the administrative approval bureau acts as the approving department only for projects attached to a construction project, Art 4, 16, 41)",
        )
    } else {
        ("", "")
    };
    vec![Hit::new(
        format!(
            "{}无权执行“{}”；可执行的角色：{}{}。",
            e.actor.role.zh(),
            e.kind.zh(),
            zh.join("、"),
            note.0
        ),
        format!(
            "Role `{}` may not perform `{}`; permitted: {}{}.",
            e.actor.role,
            e.kind,
            en.join(", "),
            note.1
        ),
    )]
}

fn unit_mismatch(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    if unit_matches(ctx.attrs(), &e.actor) {
        return Vec::new();
    }
    let expected = ctx.attrs().acting_unit();
    let actual = e.actor.unit.as_deref().unwrap_or("（未填写）");
    vec![Hit::new(
        format!("操作单位“{actual}”不是本项目的建设单位（或跨部门项目的牵头部门）“{expected}”，无权代表本项目执行“{}”。", e.kind.zh()),
        format!("The acting unit \"{actual}\" is not this project's construction unit (or lead department) \"{expected}\", so it may not perform `{}`.", e.kind),
    )]
}

/// The edits (insert, delete, substitute one character) between `a` and `b`,
/// if there are at most two; a key further away is not a typo.
fn edits_within_two(a: &[char], a_bits: u64, b: &str) -> Option<usize> {
    const MAX: usize = 2;
    if a.len().abs_diff(b.chars().count()) > MAX {
        return None;
    }
    let b_bits = char_bits(b.chars());
    if (a_bits & !b_bits).count_ones() as usize > MAX
        || (b_bits & !a_bits).count_ones() as usize > MAX
    {
        return None;
    }
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
        // Every later cell is at least this row's least.
        if row.iter().min().is_some_and(|&least| least > MAX) {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= MAX)
}

/// The characters of a text folded into 64 bits: each character one text has and
/// the other lacks takes an edit, so this bounds the edits cheaply.
fn char_bits(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |set, c| set | 1 << (c as u32 % 64))
}

/// The known key one or two edits from `key`, if there is exactly one nearest.
fn nearest(key: &str, known: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let (key_bits, key): (u64, Vec<char>) = (char_bits(key.chars()), key.chars().collect());
    let mut best: Option<(usize, &'static str)> = None;
    for k in known {
        match edits_within_two(&key, key_bits, k) {
            Some(d) if d >= 1 && best.map_or(true, |(bd, _)| d < bd) => best = Some((d, k)),
            _ => {}
        }
    }
    best.map(|(_, k)| k)
}

/// A record key `key` is likely a misspelling of.
pub fn near_record_key(key: &str) -> Option<&'static str> {
    nearest(key, record_keys().into_iter())
}

/// A data key of `event` that `key` is likely a misspelling of.
pub fn near_data_key(key: &str, event: EventType) -> Option<&'static str> {
    nearest(key, EventData::fields_of(event).map(|(f, _)| f.key))
}

/// The form's words for a known key: its label where the key is a record or data field.
fn label_of(key: &str) -> &'static str {
    Attributes::FIELDS
        .iter()
        .chain(KernelFields::FIELDS)
        .chain(EventData::FIELDS)
        .find(|f| f.key == key)
        .map_or("", |f| f.label)
}

// A misspelt key switches a rule off silently: say so (the host's `x_…` keys excepted).
fn possible_typo(ctx: &Ctx) -> Vec<Hit> {
    let record = ctx
        .project
        .extra
        .keys()
        .filter_map(|k| near_record_key(k).map(|n| (k.as_str(), n, "项目记录", "the record")));
    let data = ctx.event.into_iter().flat_map(|e| {
        e.unknown_data_keys.iter().filter_map(move |k| {
            near_data_key(k, e.kind).map(|n| (k.as_str(), n, "办理内容", "the event's data"))
        })
    });
    record
        .chain(data)
        .filter(|(k, _, _, _)| !k.starts_with("x_"))
        .map(|(k, near, zh_where, en_where)| {
            Hit::new(
                format!("{zh_where}中有未识别的字段“{k}”，疑为“{}”的拼写错误；该字段未被采用，相关规则按未填写判断。请核对后改正。", label_of(near)),
                format!("{en_where} has the unknown key `{k}`: did you mean `{near}`? It was not used, so the rules judged as if `{near}` were absent."),
            )
        })
        .collect()
}

// Art 28's working days depend on the State Council's holiday notices: say when one was missing.
fn calendar_year_unknown(ctx: &Ctx) -> Vec<Hit> {
    if !ctx.used_unknown_calendar() {
        return Vec::new();
    }
    let years = ctx.settings.calendar.known_years();
    let known = years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    vec![Hit::new(
        format!("期限计算涉及日历未收录的年份（已收录：{known}），已按周一至周五为工作日推算；请系统管理员在引擎配置的节假日日历中补充该年的国务院节假日安排。"),
        format!("A deadline depends on a year the calendar does not know (known: {known}); Monday to Friday were assumed to be working days. Add that year's State Council holiday notice to the engine config `calendar`."),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits(a: &str, b: &str) -> Option<usize> {
        let chars: Vec<char> = a.chars().collect();
        edits_within_two(&chars, char_bits(a.chars()), b)
    }

    #[test]
    fn two_edits_are_a_typo_and_three_are_not() {
        assert_eq!(edits("budget_yuan", "budget_yuan"), Some(0));
        assert_eq!(edits("budgetyuan", "budget_yuan"), Some(1));
        assert_eq!(edits("budget_yaun", "budget_yuan"), Some(2));
        assert_eq!(edits("bugdet_yaun", "budget_yuan"), None);
        assert_eq!(edits("budget", "budget_yuan"), None);
        assert_eq!(edits("budget_元", "budget_yuan"), None);
        assert_eq!(edits("budget_yua元", "budget_yuan"), Some(1));
        assert_eq!(edits("oa_workflow_id", "owner_unit"), None);
    }

    #[test]
    fn the_nearest_known_key_is_named() {
        assert_eq!(near_record_key("budget_yaun"), Some("budget_yuan"));
        assert_eq!(near_record_key("oa_workflow_id"), None);
        assert_eq!(near_record_key("budget_yuan"), None);
    }
}
