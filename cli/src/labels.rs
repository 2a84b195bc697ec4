//! What states and events are called for a person: the labels of the kernel's
//! lifecycle document (`govit_lifecycle`), in the view's language. An id the
//! document does not know is shown as it is.

use crate::term::Locale;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Default)]
pub struct Labels {
    states: HashMap<String, String>,
    events: HashMap<String, String>,
}

impl Labels {
    /// The labels of `lifecycle` (the kernel's document) in `locale`.
    pub fn new(lifecycle: &Value, locale: Locale) -> Labels {
        let key = locale.pick("label", "label_en");
        let table = |list: &str, id: &str| -> HashMap<String, String> {
            lifecycle[list]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| {
                    Some((
                        item[id].as_str()?.to_string(),
                        item[key].as_str()?.to_string(),
                    ))
                })
                .collect()
        };
        Labels {
            states: table("states", "state"),
            events: table("events", "event"),
        }
    }

    pub fn state<'a>(&'a self, id: &'a str) -> &'a str {
        self.states.get(id).map_or(id, String::as_str)
    }

    pub fn event<'a>(&'a self, id: &'a str) -> &'a str {
        self.events.get(id).map_or(id, String::as_str)
    }
}
