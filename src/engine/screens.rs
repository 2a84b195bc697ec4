//! What an OA system draws its screens from: the lifecycle as data
//! (`govit_lifecycle`) and, in `check` with an actor, the next steps with what
//! would refuse each. Both are derived from the one transition table, the one
//! declaration of each event's data and the rule catalogue.

use super::Engine;
use crate::lifecycle::{self, documents_of, From, To, Transition, TRANSITIONS};
use crate::model::decl::Type;
use crate::model::*;
use crate::rules::{self, Events};
use serde_json::{json, Value};

impl Engine {
    /// The events `actor` may send now (state, guards, role and unit), each with
    /// the rules that would refuse it if sent with no data on `as_of` (or the day
    /// of the last event, whichever is later).
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
                let mut probe = Event::probe(kind, date, actor.clone());
                // A step on a rectification order concerns the one it could be about:
                // without such an order, the rules refuse it.
                let orders = &project.kernel.rectification_orders;
                probe.data.order_id = match kind {
                    EventType::CompleteRectification => Some(
                        orders
                            .iter()
                            .find(|o| o.is_open())
                            .map_or(String::new(), |o| o.order_id.clone()),
                    ),
                    EventType::ConfirmRectification => Some(
                        orders
                            .iter()
                            .find(|o| o.completed.is_some() && o.confirmed.is_none())
                            .map_or(String::new(), |o| o.order_id.clone()),
                    ),
                    _ => None,
                };
                let decision = self.decide(project, &probe);
                let blocked_by: Vec<&'static str> = decision
                    .findings
                    .iter()
                    .filter(|f| f.is_blocking())
                    .map(|f| f.rule)
                    .collect();
                NextStep {
                    event: kind,
                    label: kind.zh(),
                    label_en: kind.en(),
                    to: Transition::of(kind).target(project),
                    data: EventData::fields_of(kind)
                        .filter(|(f, _)| f.key != "documents")
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
                }
            })
            .collect()
    }

    /// `govit_lifecycle`: states, roles, documents and events, with labels, each
    /// event's roles, source and target states, data fields, documents and rules.
    pub fn lifecycle_json(&self) -> String {
        lifecycle_document().to_string()
    }
}

fn labelled(key: &str, values: &[(&str, &str, &str)]) -> Vec<Value> {
    values
        .iter()
        .map(|(v, zh, en)| json!({ key: v, "label": zh, "label_en": en }))
        .collect()
}

/// A field's type as the lifecycle document describes it.
fn type_json(t: &Type) -> Value {
    match t {
        Type::Text => json!({"type": "text"}),
        Type::Bool => json!({"type": "boolean"}),
        Type::Integer { min, max } => json!({"type": "integer", "min": min, "max": max}),
        Type::Money => json!({"type": "money"}),
        Type::Date => json!({"type": "date"}),
        Type::Vocabulary(v) => json!({"type": "code", "values": labelled("value", v.values)}),
        Type::Nullable(inner) => type_json(inner),
        Type::List(item) => json!({"type": "list", "items": type_json(item)}),
        Type::Map(..) | Type::Document { .. } | Type::Record => json!({"type": "object"}),
        Type::Any => json!({"type": "any"}),
    }
}

fn states_of(t: &Transition) -> Vec<&'static str> {
    State::ALL
        .iter()
        .filter(|s| t.starts_from(**s))
        .map(|s| s.as_str())
        .collect()
}

/// The lifecycle as data (CONTRACT §3 `lifecycle`).
pub fn lifecycle_document() -> Value {
    let catalogue = rules::catalogue();
    let events: Vec<Value> = TRANSITIONS
        .iter()
        .map(|t| {
            let (to, note) = match t.to {
                To::State(s) => (json!(s.as_str()), Value::Null),
                To::Unchanged => (Value::Null, json!("unchanged")),
                To::BeforeSuspension => (Value::Null, json!("before_suspension")),
                To::BeforeChange => (Value::Null, json!("before_change")),
                To::TechnicalRejected => (Value::Null, json!("demand_approved_or_draft")),
            };
            let data: Vec<Value> = EventData::fields_of(t.event)
                .filter(|(f, _)| f.key != "documents")
                .map(|(f, need)| {
                    let mut field = type_json(&(f.describe)());
                    field["key"] = json!(f.key);
                    field["required"] = json!(need == Need::Required);
                    field["label"] = json!(f.label);
                    field["label_en"] = json!(f.label_en);
                    field
                })
                .collect();
            let rules: Vec<&str> = catalogue
                .iter()
                .filter(|r| matches!(r.events, Events::Only(list) if list.contains(&t.event)))
                .map(|r| r.id)
                .collect();
            json!({
                "event": t.event.as_str(),
                "label": t.event.zh(),
                "label_en": t.event.en(),
                "roles": t.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                "from": states_of(t),
                "from_any_non_terminal": t.from == From::AnyNonTerminal,
                "to": to,
                "to_note": note,
                "data": data,
                "documents": documents_of(t.event).iter().map(|d| d.as_str()).collect::<Vec<_>>(),
                "rules": rules,
            })
        })
        .collect();
    let every_event: Vec<&str> = catalogue
        .iter()
        .filter(|r| r.events == Events::Any)
        .map(|r| r.id)
        .collect();
    let states: Vec<Value> = State::ALL
        .iter()
        .map(|s| json!({"state": s.as_str(), "label": s.zh(), "label_en": s.en(), "terminal": s.is_terminal()}))
        .collect();
    json!({
        "states": states,
        "roles": labelled("role", Role::VOCABULARY.values),
        "documents": labelled("document", DocumentKind::VOCABULARY.values),
        "events": events,
        "rules_for_every_event": every_event,
    })
}
