//! What an OA system draws its screens from: the lifecycle as data
//! (`govit_lifecycle`) and, in `check` with an actor, the next steps with what
//! would refuse each. Both are derived from the one transition table, the one
//! declaration of each event's data and the rule catalogue.

use super::Engine;
use crate::lifecycle::{self, documents_of, From, To, Transition, TRANSITIONS};
use crate::model::decl::Type;
use crate::model::*;
use crate::rules::{self, Events};

impl Engine {
    /// The events `actor` may send now (state, guards, role and unit), each with
    /// what would refuse it on `as_of` (or the day of the last event, whichever is
    /// later): `blocked_by`, the rules that refuse it even with its documents
    /// attached and its form filled in as the rules ask (the record must change
    /// first), and `needs`, the rules that refuse it sent empty but that its
    /// documents and data answer.
    pub fn next_steps(
        &self,
        project: &Project,
        actor: &Actor,
        as_of: Option<Date>,
    ) -> Vec<NextStep> {
        let last = project.history.last().map(|e| e.event.date);
        let date = match (as_of, last) {
            (Some(a), Some(l)) => a.max(l),
            (a, l) => a.or(l).unwrap_or_else(rules::in_force_from),
        };
        lifecycle::allowed_events(project, Some(actor))
            .into_iter()
            .map(|kind| {
                let mut empty = EventFacts::probe(kind, date, actor.clone());
                empty.data.order_id = order_in_question(&project.kernel.rectification_orders, kind);
                let mut answered = empty.clone();
                answered.data.documents = documents_of(kind).to_vec().into();
                for rule in rules::catalogue() {
                    if let (true, Some(answer)) = (rule.applies_to_event(kind), rule.form_answer) {
                        answer(project, &mut answered.data);
                    }
                }
                let refusals = |event: &EventFacts| -> Vec<&'static str> {
                    let decision = self.decide(project, event);
                    let blocks = decision.findings.iter().filter(|f| f.is_blocking());
                    blocks.map(|f| f.rule).collect()
                };
                let blocked_by = refusals(&answered);
                let needs = refusals(&empty)
                    .into_iter()
                    .filter(|rule| !blocked_by.contains(rule))
                    .collect();
                NextStep {
                    event: kind,
                    label: kind.zh(),
                    label_en: kind.en(),
                    to: Transition::of(kind).target(project),
                    data: EventData::form_fields_of(kind)
                        .map(|(f, need)| StepField {
                            key: f.key,
                            label: f.label,
                            label_en: f.label_en,
                            required: need == Need::Required,
                        })
                        .collect(),
                    documents: documents_of(kind).to_vec(),
                    ready: blocked_by.is_empty(),
                    blocked_by,
                    needs,
                }
            })
            .collect()
    }

    /// `govit_lifecycle`: states, roles, documents and events, with labels, each
    /// event's roles, source and target states, data fields, documents and rules.
    pub fn lifecycle_json(&self) -> String {
        serde_json::to_string(&lifecycle_document()).expect("the lifecycle serialises")
    }
}

/// The order a rectification step could be about; `""` when there is none, which
/// the rules refuse (a report or a confirmation needs its order).
fn order_in_question(orders: &[RectificationOrder], kind: EventType) -> Option<String> {
    let awaits = |o: &&RectificationOrder| match kind {
        EventType::CompleteRectification => o.is_open(),
        _ => o.completed.is_some() && o.confirmed.is_none(),
    };
    matches!(
        kind,
        EventType::CompleteRectification | EventType::ConfirmRectification
    )
    .then(|| {
        orders
            .iter()
            .find(awaits)
            .map_or(String::new(), |o| o.order_id.clone())
    })
}

fn choices(values: &'static [(&'static str, &'static str, &'static str)]) -> Vec<Choice> {
    values
        .iter()
        .map(|&(value, label, label_en)| Choice {
            value,
            label,
            label_en,
        })
        .collect()
}

/// A field's type as the lifecycle document describes it.
fn form_field(t: &Type) -> FormField {
    let mut f = FormField {
        key: None,
        kind: "any",
        required: None,
        label: None,
        label_en: None,
        values: None,
        items: None,
        min: None,
        max: None,
    };
    match t {
        Type::Text => f.kind = "text",
        Type::Bool => f.kind = "boolean",
        Type::Integer { min, max } => {
            f.kind = "integer";
            (f.min, f.max) = (Some(*min), Some(*max));
        }
        Type::Money => f.kind = "money",
        Type::Date => f.kind = "date",
        Type::Vocabulary(v) => {
            f.kind = "code";
            f.values = Some(choices(v.values));
        }
        Type::Nullable(inner) => return form_field(inner),
        Type::List(item) => {
            f.kind = "list";
            f.items = Some(Box::new(form_field(item)));
        }
        Type::Map(..) | Type::Document { .. } | Type::Record => f.kind = "object",
        Type::Any => {}
    }
    f
}

/// The lifecycle as data (`govit_lifecycle`).
pub fn lifecycle_document() -> LifecycleDocument {
    let catalogue = rules::catalogue();
    let events = TRANSITIONS
        .iter()
        .map(|t| {
            let (to, to_note) = match t.to {
                To::State(s) => (Some(s), None),
                To::Unchanged => (None, Some("unchanged")),
                To::BeforeSuspension => (None, Some("before_suspension")),
                To::BeforeChange => (None, Some("before_change")),
                To::TechnicalRejected => (None, Some("demand_approved_or_draft")),
            };
            EventInfo {
                event: t.event,
                label: t.event.zh(),
                label_en: t.event.en(),
                roles: t.roles.to_vec(),
                from: State::ALL
                    .iter()
                    .copied()
                    .filter(|s| t.starts_from(*s))
                    .collect(),
                from_any_non_terminal: t.from == From::AnyNonTerminal,
                to,
                to_note,
                data: EventData::form_fields_of(t.event)
                    .map(|(f, need)| FormField {
                        key: Some(f.key),
                        required: Some(need == Need::Required),
                        label: Some(f.label),
                        label_en: Some(f.label_en),
                        ..form_field(&(f.describe)())
                    })
                    .collect(),
                documents: documents_of(t.event).to_vec(),
                rules: catalogue
                    .iter()
                    .filter(|r| matches!(r.events, Events::Only(list) if list.contains(&t.event)))
                    .map(|r| r.id)
                    .collect(),
            }
        })
        .collect();
    LifecycleDocument {
        states: State::ALL
            .iter()
            .map(|&state| StateInfo {
                state,
                label: state.zh(),
                label_en: state.en(),
                terminal: state.is_terminal(),
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|&role| RoleInfo {
                role,
                label: role.zh(),
                label_en: role.en(),
            })
            .collect(),
        documents: DocumentKind::ALL
            .iter()
            .map(|&document| DocumentInfo {
                document,
                label: document.zh(),
                label_en: document.en(),
            })
            .collect(),
        events,
        rules_for_every_event: catalogue
            .iter()
            .filter(|r| r.events == Events::Any)
            .map(|r| r.id)
            .collect(),
    }
}
