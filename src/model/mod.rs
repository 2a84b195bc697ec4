//! Documents and vocabularies (CONTRACT §3): parsing with JSON-path errors,
//! exact money, strict dates, and the record the host stores.

mod event;
mod finding;
mod limits;
mod project;
pub(crate) mod reader;
mod values;
mod vocab;

pub use event::{Actor, Event, EventData, EVENT_DATA_KEYS};
pub use finding::{ApplyResult, CheckResult, Deadline, Finding};
pub use limits::{MAX_HISTORY_ENTRIES, MAX_LIST_ITEMS, MAX_NESTING_DEPTH};
pub use project::{
    Attributes, BaselineValues, ContractInfo, KernelFields, PendingChange, Project,
    RectificationOrder, Sanction, ATTRIBUTE_KEYS, KERNEL_KEYS,
};
pub use values::{kind_of, Date, Money};
pub use vocab::*;
