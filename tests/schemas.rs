//! The JSON Schemas in `schemas/` are generated from the model's declarations:
//! every document's fields, types, labels and required keys, every vocabulary,
//! and which data each event carries. `GOVIT_UPDATE_DOCS=1 cargo test --test
//! schemas` (or `make docs`) rewrites them; otherwise this test fails when a
//! committed schema is not what the declarations give. The patterns for money
//! and dates are checked against the kernel's own parsers.

mod support;

use govit::calendar::{DayInfo, WorkingDayResult};
use govit::history::VerifyReport;
use govit::model::decl::{Describe, FieldInfo, Need, Policy, Type, Vocabulary};
use govit::model::*;
use govit::rules::RuleInfo;
use govit::{CheckOptions, Config, ErrorDocument};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
const MONEY_PATTERN: &str = "^[0-9]{1,20}(\\.[0-9]{1,8})?$";
const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// Builds one schema file, collecting the definitions it refers to.
struct Schema {
    defs: BTreeMap<String, Value>,
    /// An input (optional keys may be null, read as absent) or a result the kernel writes.
    input: bool,
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn doc_text(doc: &str) -> String {
    doc.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Schema {
    fn input() -> Schema {
        Schema {
            defs: BTreeMap::new(),
            input: true,
        }
    }

    fn output() -> Schema {
        Schema {
            defs: BTreeMap::new(),
            input: false,
        }
    }

    fn vocabulary(&mut self, v: &Vocabulary) -> Value {
        let labels: Map<String, Value> = v
            .values
            .iter()
            .map(|(w, zh, _)| (w.to_string(), json!(zh)))
            .collect();
        let labels_en: Map<String, Value> = v
            .values
            .iter()
            .map(|(w, _, en)| (w.to_string(), json!(en)))
            .collect();
        let values: Vec<&str> = v.values.iter().map(|(w, _, _)| *w).collect();
        self.defs.insert(
            v.key.to_string(),
            json!({
                "title": v.noun_en, "x-label": v.noun, "type": "string", "enum": values,
                "x-labels": labels, "x-labels-en": labels_en,
            }),
        );
        json!({ "$ref": format!("#/$defs/{}", v.key) })
    }

    fn ty(&mut self, t: &Type) -> Value {
        match t {
            Type::Text => json!({"type": "string"}),
            Type::Bool => json!({"type": "boolean"}),
            Type::Integer { min, max } => {
                json!({"type": "integer", "minimum": min, "maximum": max})
            }
            Type::Money => {
                self.defs.insert("money".into(), json!({
                    "description": "An amount in yuan (元), exact, never negative: a decimal string (\"4999999.99\", as the kernel writes it) or a JSON number, read exactly (never through binary floating point). Up to 28 significant digits.",
                    "anyOf": [{"type": "string", "pattern": MONEY_PATTERN}, {"type": "number", "minimum": 0}],
                }));
                json!({"$ref": "#/$defs/money"})
            }
            Type::Date => {
                self.defs.insert("date".into(), json!({
                    "description": "A calendar date, ISO YYYY-MM-DD; the day must exist (2025-02-30 is refused).",
                    "type": "string", "format": "date", "pattern": DATE_PATTERN,
                }));
                json!({"$ref": "#/$defs/date"})
            }
            Type::Vocabulary(v) => self.vocabulary(v),
            Type::Nullable(inner) => json!({"anyOf": [self.ty(inner), {"type": "null"}]}),
            Type::List(inner) => json!({"type": "array", "items": self.ty(inner)}),
            Type::Map(key, value) => {
                let names = match &**key {
                    Type::Integer { .. } => json!({"pattern": "^-?[0-9]+$"}),
                    other => self.ty(other),
                };
                json!({"type": "object", "propertyNames": names, "additionalProperties": self.ty(value)})
            }
            Type::Document { name, fields, open } => {
                let key = snake(name);
                if !self.defs.contains_key(&key) {
                    self.defs.insert(key.clone(), Value::Null); // recursion guard
                    let def = self.object(fields, *open);
                    self.defs.insert(key.clone(), def);
                }
                json!({ "$ref": format!("#/$defs/{key}") })
            }
            Type::Record => json!({"$ref": "urn:govit:schema:project:1"}),
            Type::Any => json!({}),
        }
    }

    /// One field: its type, labels and description. An optional field of an
    /// input may be null (read as absent).
    fn field(&mut self, f: &FieldInfo) -> Value {
        let input = self.input;
        let mut schema = self.ty(&(f.describe)());
        if f.policy == Policy::Required && matches!((f.describe)(), Type::Text) {
            schema["pattern"] = json!("\\S");
        }
        if input && f.policy != Policy::Required && !matches!((f.describe)(), Type::Nullable(_)) {
            schema = json!({"anyOf": [schema, {"type": "null"}]});
        }
        let mut out = json!({"title": f.label_en, "x-label": f.label});
        let doc = doc_text(f.doc);
        if !doc.is_empty() {
            out["description"] = json!(doc);
        }
        for (k, v) in schema.as_object().unwrap() {
            out[k] = v.clone();
        }
        out
    }

    fn object(&mut self, fields: &[FieldInfo], open: bool) -> Value {
        let input = self.input;
        let mut properties = Map::new();
        let mut required = Vec::new();
        for f in fields {
            properties.insert(f.key.to_string(), self.field(f));
            if f.policy == Policy::Required || !input && f.policy == Policy::Keep {
                required.push(f.key);
            }
        }
        json!({"type": "object", "required": required, "properties": properties, "additionalProperties": open})
    }

    fn file(mut self, id: &str, title: &str, description: &str, mut body: Value) -> Value {
        let mut out = json!({"$schema": DRAFT, "$id": format!("urn:govit:schema:{id}:1"), "title": title, "description": description});
        for (k, v) in body.as_object_mut().unwrap() {
            out[k] = v.take();
        }
        self.defs.retain(|_, v| !v.is_null());
        if !self.defs.is_empty() {
            out["$defs"] = serde_json::to_value(&self.defs).unwrap();
        }
        out
    }
}

/// The record: the declared attributes, `state`, the kernel's fields and the history.
fn project_schema() -> Value {
    let mut s = Schema::input();
    let mut body = s.object(Attributes::FIELDS, true);
    let kernel = s.object(KernelFields::FIELDS, true);
    for (k, v) in kernel["properties"].as_object().unwrap() {
        body["properties"][k] = v.clone();
    }
    let state = s.vocabulary(&State::VOCABULARY);
    body["properties"]["state"] = json!({"title": "state", "x-label": "项目状态", "description": "The lifecycle state; kernel-maintained after creation. Absent: draft.", "anyOf": [state, {"type": "null"}]});
    let entry = s.ty(&StoredEntry::describe());
    body["properties"]["history"] = json!({"title": "history", "x-label": "办理记录", "description": "Every accepted event, hash-chained (docs/history.md). Kernel-maintained.", "anyOf": [{"type": "array", "items": entry, "maxItems": MAX_HISTORY_ENTRIES}, {"type": "null"}]});
    // The snapshot and the event of an entry are the declared attributes and an event.
    let attributes = s.object(Attributes::FIELDS, false);
    s.defs.insert("attributes".into(), attributes);
    let event = event_body(&mut s);
    s.defs.insert("event".into(), event);
    let stored = s.defs.get_mut("stored_entry").unwrap();
    stored["properties"]["snapshot"]["anyOf"][0] = json!({"$ref": "#/$defs/attributes"});
    stored["properties"]["event"]["$ref"] = json!("#/$defs/event");
    s.file(
        "project",
        "govit project record",
        "The project record the host stores and passes to every govit call: the attributes the host declares, the fields the kernel maintains, and the history. Keys of the host's own are allowed and kept as they are. A null optional key reads as absent.",
        body,
    )
}

/// An event: `type`, `date`, `actor`, `data` (every key any event carries), and
/// for each event type the data it cannot do without.
fn event_body(s: &mut Schema) -> Value {
    let mut body = s.object(Event::FIELDS, true);
    let conditions: Vec<Value> = EventType::ALL
        .iter()
        .filter_map(|kind| {
            let required: Vec<&str> = EventData::fields_of(*kind)
                .filter(|(_, need)| *need == Need::Required)
                .map(|(f, _)| f.key)
                .collect();
            (!required.is_empty()).then(|| json!({
                "if": {"properties": {"type": {"const": kind.as_str()}}, "required": ["type"]},
                "then": {"required": ["data"], "properties": {"data": {"type": "object", "required": required}}},
            }))
        })
        .collect();
    body["allOf"] = json!(conditions);
    body
}

fn event_schema() -> Value {
    let mut s = Schema::input();
    let body = event_body(&mut s);
    s.file(
        "event",
        "govit event",
        "An event for govit_apply and govit_preview: what happened, when, by whom, with what data. Keys of the host's own are allowed and kept in the history as received.",
        body,
    )
}

/// The data one event carries (a form's fields).
fn data_schema(kind: EventType) -> Value {
    let mut s = Schema::input();
    let mut properties = Map::new();
    let mut required = Vec::new();
    for (f, need) in EventData::fields_of(kind) {
        properties.insert(f.key.to_string(), s.field(f));
        if need == Need::Required {
            required.push(f.key);
        }
    }
    s.file(
        &format!("data:{kind}"),
        &format!("govit data of `{kind}` ({})", kind.zh()),
        &format!("The `data` of a `{kind}` event ({}): the keys the kernel reads. Keys of the host's own are allowed.", kind.en()),
        json!({"type": "object", "required": required, "properties": properties, "additionalProperties": true}),
    )
}

fn result_schema(id: &str, title: &str, description: &str, t: Type) -> Value {
    let mut s = Schema::output();
    let body = match t {
        Type::Document { fields, .. } => s.object(fields, false),
        other => s.ty(&other),
    };
    s.file(id, title, description, body)
}

fn input_schema(id: &str, title: &str, description: &str, fields: &[FieldInfo]) -> Value {
    let mut s = Schema::input();
    let body = s.object(fields, false);
    s.file(id, title, description, body)
}

/// Every schema file, by its path under `schemas/`.
fn schemas() -> Vec<(String, Value)> {
    let mut out = vec![
        ("project.schema.json".to_string(), project_schema()),
        ("event.schema.json".to_string(), event_schema()),
        ("check-options.schema.json".into(), input_schema("check-options", "govit check options", "The options of govit_check.", CheckOptions::FIELDS)),
        ("engine-config.schema.json".into(), input_schema("engine-config", "govit engine config", "The config of govit_engine_new; every key optional.", Config::FIELDS)),
        ("result-apply.schema.json".into(), result_schema("result:apply", "govit_apply result", "The decision and the record: the new one when accepted, the one received when refused.", <ApplyResult>::describe())),
        ("result-preview.schema.json".into(), result_schema("result:preview", "govit_preview result", "What govit_apply would decide, without the record.", Decision::describe())),
        ("result-check.schema.json".into(), result_schema("result:check", "govit_check result", "What the project breaches, what is due, and what may come next.", CheckResult::describe())),
        ("result-verify.schema.json".into(), result_schema("result:verify", "govit_verify result", "Whether the history is intact and the record is what it leads to.", VerifyReport::describe())),
        ("result-rules.schema.json".into(), result_schema("result:rules", "govit_rules result", "The rule catalogue.", Vec::<RuleInfo>::describe())),
        ("result-lifecycle.schema.json".into(), result_schema("result:lifecycle", "govit_lifecycle result", "The lifecycle as data: states, roles, documents and events with their forms, labels and rules.", govit::model::LifecycleDocument::describe())),
        ("result-day-info.schema.json".into(), result_schema("result:day-info", "govit_day_info result", "What a date is.", DayInfo::describe())),
        ("result-working-days.schema.json".into(), result_schema("result:working-days", "govit_add_working_days result", "The n-th working day after a date.", WorkingDayResult::describe())),
        ("result-error.schema.json".into(), result_schema("result:error", "govit error document", "What every function writes on a status other than GOVIT_OK.", <ErrorDocument>::describe())),
    ];
    for kind in EventType::ALL {
        out.push((format!("data-{kind}.schema.json"), data_schema(*kind)));
    }
    out
}

#[test]
fn the_schemas_are_what_the_declarations_give() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let update = std::env::var_os("GOVIT_UPDATE_DOCS").is_some();
    let generated = schemas();
    for (name, schema) in &generated {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(schema).unwrap() + "\n";
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing {}: run `make docs`", path.display()));
        assert!(
            committed == text,
            "{name} is stale: run `make docs` and commit it"
        );
    }
    // No schema file without a declaration behind it.
    let on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
        .filter(|name| name.ends_with(".json"))
        .collect();
    for name in on_disk {
        assert!(
            generated.iter().any(|(n, _)| *n == name),
            "schemas/{name} has no declaration: remove it"
        );
    }
}

#[test]
fn every_record_key_and_data_key_has_its_place() {
    let project = project_schema();
    let keys: Vec<&String> = project["properties"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), record_keys().len());
    for key in record_keys() {
        assert!(project["properties"].get(key).is_some(), "{key}");
    }
    let event = event_schema();
    for f in EventData::FIELDS {
        assert!(
            event["$defs"]["event_data"]["properties"]
                .get(f.key)
                .is_some(),
            "{}",
            f.key
        );
    }
    assert_eq!(event["required"], json!(["type", "date", "actor"]));
}

/// The schema's required data are what the kernel refuses to go without.
#[test]
fn required_data_per_event_is_what_the_kernel_requires() {
    for kind in EventType::ALL {
        let schema = data_schema(*kind);
        let required: Vec<String> = serde_json::from_value(schema["required"].clone()).unwrap();
        let event = support::ev(kind.as_str(), "2025-03-03", "construction_unit", json!({}));
        let e = Event::from_value("$", event);
        match required.first() {
            None => assert!(e.is_ok(), "{kind}: {e:?}"),
            Some(first) => assert_eq!(
                e.unwrap_err().path.as_deref(),
                Some(format!("$.data.{first}").as_str()),
                "{kind}"
            ),
        }
    }
}

fn pattern(text: &str) -> String {
    assert!(
        text.starts_with('^') && text.ends_with('$'),
        "{text} is anchored"
    );
    text[1..text.len() - 1].to_string()
}

#[test]
fn every_string_the_money_pattern_admits_is_exact_money() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let strategy = proptest::string::string_regex(&pattern(MONEY_PATTERN)).expect("pattern parses");
    let mut runner = TestRunner::deterministic();
    for _ in 0..2000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let money = Money::parse(&text).unwrap_or_else(|e| panic!("`{text}`: {e}"));
        assert_eq!(
            money.0,
            text.parse::<rust_decimal::Decimal>().unwrap(),
            "`{text}`"
        );
    }
    for text in ["4999999.99", "5000000", "0", "0.01"] {
        assert!(Money::parse(text).is_ok());
    }
}

#[test]
fn every_string_the_date_pattern_admits_has_the_date_shape() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let strategy = proptest::string::string_regex(&pattern(DATE_PATTERN)).expect("pattern parses");
    let mut runner = TestRunner::deterministic();
    for _ in 0..2000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        // The pattern fixes the shape; `format: date` (and the kernel) refuse days that do not exist.
        if let Err(e) = Date::parse(&text) {
            assert!(e.contains("not a real calendar date"), "`{text}`: {e}");
        }
    }
}
