//! The rule catalogue: every obligation of the measures a machine can check.
//!
//! A rule is a small named unit: its id, article, severity, the events (and
//! whether `check`) it applies to, titles in zh-CN and en, a function from the
//! context to what it found, and its policy as data: the stage it is judged in,
//! whether it judges events before the measures took effect (Art 47), and which
//! rules' findings it supersedes when it fires. Each chapter of the measures has
//! its own file with a `RULES` array; `catalogue()` joins them in order, and that
//! order is the order of findings. Adding a rule touches one chapter file.

mod acceptance;
mod approval;
mod budget;
mod general;
mod implementation;
mod procurement;
mod review;
mod security;
mod supervision;

use crate::calendar::Calendar;
use crate::model::decl::result_document;
use crate::model::*;
use once_cell::sync::Lazy;
use once_cell::unsync::OnceCell;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;

pub use general::{in_force_from, near_data_key, near_record_key};

/// When a rule is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Structural (state, role, scope, baseline): any block here refuses the
    /// event and content rules are not run.
    Gate,
    /// What the measures say about the event's content.
    Content,
    /// Notes on how the others were judged (an unknown calendar year), after them.
    Notes,
}

/// Which events a rule judges by their date (Art 47: 本办法自2024年7月1日起施行).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// Every event: the state machine, roles and units, the scope (Art 2) and Art 47 itself.
    Always,
    /// Events dated on or after 2024-07-01.
    InForce,
}

/// The events a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Events {
    None,
    Any,
    Only(&'static [EventType]),
}

impl Events {
    pub fn includes(self, event: EventType) -> bool {
        match self {
            Events::None => false,
            Events::Any => true,
            Events::Only(list) => list.contains(&event),
        }
    }
}

/// One rule of the catalogue. Chapter files write only what differs from [`RULE`].
pub struct Rule {
    pub id: &'static str,
    pub article: Option<u8>,
    pub severity: Severity,
    pub title: &'static str,
    pub title_en: &'static str,
    pub stage: Stage,
    pub since: Since,
    pub events: Events,
    /// Whether `check` evaluates the rule on the current state.
    pub check: bool,
    /// What the rule found in this context (empty: nothing to report).
    pub eval: fn(&Ctx) -> Vec<Hit>,
    /// Upcoming obligations the rule tracks, for `check`'s `deadlines`.
    pub deadlines: Option<fn(&Ctx) -> Vec<Due>>,
    /// Rules whose findings this one's replace when both fire (it says more precisely why).
    pub supersedes: &'static [&'static str],
    /// What to do next, in zh-CN and en (every block and violation has one).
    pub remedy: (&'static str, &'static str),
    /// How the step's form answers the rule, for `next_steps`: the event data a
    /// sender fills in so that the rule does not refuse, where the record allows.
    /// A rule the form cannot answer (it judges the record) has none.
    pub form_answer: Option<fn(&Project, &mut EventData)>,
}

/// A text a form answer fills in (`next_steps` never shows or stores it).
pub const FILLED_IN: &str = "（已填写）";

fn nothing(_: &Ctx) -> Vec<Hit> {
    Vec::new()
}

/// The defaults of a rule: a content rule of the measures, judging no event.
pub const RULE: Rule = Rule {
    id: "",
    article: None,
    severity: Severity::Block,
    title: "",
    title_en: "",
    stage: Stage::Content,
    since: Since::InForce,
    events: Events::None,
    check: false,
    eval: nothing,
    deadlines: None,
    supersedes: &[],
    remedy: ("", ""),
    form_answer: None,
};

impl Rule {
    pub fn applies_to_event(&self, event: EventType) -> bool {
        self.events.includes(event)
    }

    /// The remedy in zh-CN and en, if the rule has one.
    pub fn remedy(&self) -> Option<(&'static str, &'static str)> {
        (!self.remedy.0.is_empty()).then_some(self.remedy)
    }

    /// The one place a finding is made from a rule and a hit.
    pub fn finding(&self, hit: Hit, locale: Locale) -> Finding {
        let message = locale.pick(hit.zh, hit.en.clone());
        let severity = hit.severity.unwrap_or(self.severity);
        let remedy = self.remedy();
        Finding {
            rule: self.id,
            article: self.article,
            severity,
            citation: self.article.map(citation),
            message,
            message_en: hit.en,
            remedy: remedy.map(|(zh, en)| locale.pick(zh, en)),
            remedy_en: remedy.map(|(_, en)| en),
            due: hit.due,
        }
    }
}

/// What a rule found: its message in both languages, and a due date if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub zh: String,
    pub en: String,
    pub due: Option<Date>,
    /// Overrides the rule's severity (e.g. Art 30's warranty note becomes `info` with a justification).
    pub severity: Option<Severity>,
}

impl Hit {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Hit {
        Hit {
            zh: zh.into(),
            en: en.into(),
            due: None,
            severity: None,
        }
    }

    pub fn due(mut self, due: Date) -> Hit {
        self.due = Some(due);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Hit {
        self.severity = Some(severity);
        self
    }
}

/// An obligation and when it falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub event: EventType,
    pub date: Date,
}

/// The engine settings rules may read.
#[derive(Clone, Debug)]
pub struct Settings {
    pub locale: Locale,
    pub calendar: Calendar,
    /// Months between periodic assessments (Art 38, 39), by kind.
    pub periodic_months: BTreeMap<AssessmentKind, u32>,
}

impl Settings {
    pub fn periodic_months(&self, kind: AssessmentKind) -> u32 {
        self.periodic_months.get(&kind).copied().unwrap_or(12)
    }
}

/// Everything a rule may look at.
pub struct Ctx<'a> {
    pub settings: &'a Settings,
    /// The record before the event (or as it stands, for `check`).
    pub project: &'a Project,
    /// The event being applied; `None` in `check`.
    pub event: Option<&'a EventFacts>,
    /// The reference date of `check`.
    pub as_of: Option<Date>,
    /// The attributes the content rules judge: the record's, or at `approve_change`
    /// the record's with the pending change applied (Art 33: a change is judged like
    /// the submission it changes).
    judged: Cow<'a, Attributes>,
    /// SM3 of the record's declared attributes, once a rule needed it.
    current_digest: OnceCell<String>,
    calendar_unknown: Cell<bool>,
}

static NO_DATA: Lazy<EventData> = Lazy::new(EventData::default);

impl<'a> Ctx<'a> {
    pub fn for_event(
        settings: &'a Settings,
        project: &'a Project,
        event: &'a EventFacts,
    ) -> Ctx<'a> {
        let judged = match (&project.kernel.pending_change, event.kind) {
            (Some(change), EventType::ApproveChange) => {
                Cow::Owned(project.attrs.with_change(&change.proposed))
            }
            _ => Cow::Borrowed(&project.attrs),
        };
        Ctx {
            settings,
            project,
            event: Some(event),
            as_of: None,
            judged,
            current_digest: OnceCell::new(),
            calendar_unknown: Cell::new(false),
        }
    }

    pub fn for_check(settings: &'a Settings, project: &'a Project, as_of: Option<Date>) -> Ctx<'a> {
        Ctx {
            settings,
            project,
            event: None,
            as_of,
            judged: Cow::Borrowed(&project.attrs),
            current_digest: OnceCell::new(),
            calendar_unknown: Cell::new(false),
        }
    }

    /// The attributes to judge (see `judged`).
    pub fn attrs(&self) -> &Attributes {
        &self.judged
    }

    /// Whether the declared attributes differ from those the last history entry
    /// left: edited by the host since (CONTRACT §6 binds them in every entry).
    pub fn attributes_edited(&self) -> bool {
        let p = self.project;
        let recorded = p.kernel.attributes_digest.clone().or_else(|| {
            // Without the digest, the last snapshot, if no approved change came after it.
            let entries = p.history.entries();
            let at = entries.iter().rposition(|e| e.snapshot.is_some())?;
            let later_change = entries[at..]
                .iter()
                .any(|e| e.event.kind == EventType::ApproveChange);
            let snapshot = entries[at].snapshot.as_ref()?;
            (!later_change).then(|| crate::history::attributes_digest(snapshot))
        });
        recorded.is_some_and(|d| {
            d != *self
                .current_digest
                .get_or_init(|| crate::history::attributes_digest(&p.attrs))
        })
    }

    /// The digest of the record's attributes if a rule computed it (`accept` reuses it).
    pub fn current_digest(&self) -> Option<String> {
        self.current_digest.get().cloned()
    }

    /// Whether the event is a supervising department's act (Art 41, 42) or a
    /// refusal: neither is held up by what the construction unit edited.
    pub fn is_supervision_or_refusal(&self) -> bool {
        self.event_type()
            .is_some_and(EventType::is_supervision_or_refusal)
    }

    /// Whether the project has been submitted for technical review (the standing
    /// rules of its submission apply from then on), or the event is its submission.
    /// A record taken over mid-life without milestones counts as submitted once past
    /// demand review, unless it came in as a higher-level project (Art 19: no review).
    pub fn technical_submitted(&self) -> bool {
        let p = self.project;
        self.event_type() == Some(EventType::SubmitTechnical)
            || p.milestone(Milestone::TechnicalSubmitted).is_some()
            || (p.attrs.higher_level.is_none()
                && !matches!(
                    p.state,
                    State::Draft | State::DemandReview | State::DemandApproved
                ))
    }

    /// The event's typed data (empty in `check`).
    pub fn data(&self) -> &EventData {
        self.event.map(|e| &e.data).unwrap_or(&NO_DATA)
    }

    pub fn event_type(&self) -> Option<EventType> {
        self.event.map(|e| e.kind)
    }

    /// The date rules judge by: the event's date, or `as_of` in `check`.
    pub fn today(&self) -> Option<Date> {
        self.event.map(|e| e.date).or(self.as_of)
    }

    /// The date of the last accepted event, if any.
    pub fn last_event_date(&self) -> Option<Date> {
        self.project.history.last().map(|e| e.event.date)
    }

    /// Whether `kind` was filed with the event being judged, or with an accepted event
    /// after the last event of `opened_by` (the one that opened the current round). With
    /// no such event in the history (a record built outside the kernel), any filing counts.
    pub fn filed_this_round(&self, kind: DocumentKind, opened_by: &[EventType]) -> bool {
        if self
            .event
            .is_some_and(|e| e.filed_documents().contains(&kind))
        {
            return true;
        }
        for entry in self.project.history.entries().iter().rev() {
            if opened_by.contains(&entry.event.kind) {
                return false;
            }
            if entry.event.filed_documents().contains(&kind) {
                return true;
            }
        }
        self.project.has_document(kind)
    }

    /// On file already, or filed with this event.
    pub fn has_document(&self, kind: DocumentKind) -> bool {
        self.project.has_document(kind)
            || self.event.is_some_and(|e| e.data.documents.contains(&kind))
    }

    /// The `n`-th working day after `date` (Art 28; the day of the act is not
    /// counted). Notes an unknown calendar year for `calendar.year_unknown`.
    pub fn working_days_after(&self, date: Date, n: i32) -> Date {
        let r = self.settings.calendar.add_working_days(date.0, n);
        if !r.calendar_known {
            self.calendar_unknown.set(true);
        }
        r.date
    }

    /// Whether a deadline computed in this context used a year the calendar does not know.
    pub fn used_unknown_calendar(&self) -> bool {
        self.calendar_unknown.get()
    }
}

/// 《曲阜市政务信息化项目建设管理办法》第N条, with N in Chinese numerals.
pub fn citation(article: u8) -> String {
    format!(
        "《曲阜市政务信息化项目建设管理办法》第{}条",
        chinese_numeral(article)
    )
}

/// 1 → 一, 10 → 十, 28 → 二十八, 40 → 四十 (articles run 1..=47).
pub fn chinese_numeral(n: u8) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    let mut s = String::new();
    match tens {
        0 => {}
        1 => s.push('十'),
        t => {
            s.push_str(DIGITS[t as usize]);
            s.push('十');
        }
    }
    if ones != 0 || n == 0 {
        s.push_str(DIGITS[ones as usize]);
    }
    s
}

static CATALOGUE: Lazy<Vec<&'static Rule>> = Lazy::new(|| {
    [
        general::RULES,
        review::RULES,
        approval::RULES,
        budget::RULES,
        procurement::RULES,
        implementation::RULES,
        acceptance::RULES,
        security::RULES,
        supervision::RULES,
    ]
    .iter()
    .flat_map(|chapter| chapter.iter())
    .collect()
});

/// Every rule, in finding order.
pub fn catalogue() -> &'static [&'static Rule] {
    &CATALOGUE
}

pub fn find(id: &str) -> Option<&'static Rule> {
    catalogue().iter().copied().find(|r| r.id == id)
}

result_document! {
    /// One entry of `govit_rules` (CONTRACT §3).
    #[derive(Clone, Debug)]
    pub struct RuleInfo {
        rule: &'static str, Keep, "规则" / "rule";
        article: Option<u8>, Keep, "条款" / "article";
        severity: Severity, Keep, "严重程度" / "severity";
        title: &'static str, Keep, "规则名称" / "title (zh)";
        title_en: &'static str, Keep, "规则名称（英文）" / "title";
        citation: Option<String>, Keep, "依据" / "citation";
        /// The events the rule judges.
        events: Vec<EventType>, Keep, "适用事项" / "events";
        /// Whether `check` judges it on the record as it stands.
        check: bool, Keep, "是否在检查时适用" / "judged by check";
        /// What to do next when it finds something (every block and violation has one).
        remedy: Option<&'static str>, Omit, "处理建议" / "remedy (zh)";
        remedy_en: Option<&'static str>, Omit, "处理建议（英文）" / "remedy";
    }
}

pub fn rule_infos() -> Vec<RuleInfo> {
    catalogue()
        .iter()
        .map(|r| RuleInfo {
            rule: r.id,
            article: r.article,
            severity: r.severity,
            title: r.title,
            title_en: r.title_en,
            citation: r.article.map(citation),
            events: match r.events {
                Events::None => Vec::new(),
                Events::Any => EventType::ALL.to_vec(),
                Events::Only(list) => list.to_vec(),
            },
            check: r.check,
            remedy: r.remedy().map(|(zh, _)| zh),
            remedy_en: r.remedy().map(|(_, en)| en),
        })
        .collect()
}
