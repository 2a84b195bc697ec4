//! Documents and vocabularies (CONTRACT §3): each declared once (`decl`), read
//! straight from JSON text into its types with JSON-path errors (`read`), exact
//! money, strict dates, the record the host stores and its history entries.

mod canonical;
pub mod decl;
mod entry;
mod event;
mod finding;
mod limits;
mod project;
pub(crate) mod read;
mod values;
mod vocab;

pub use canonical::{canonical_json, canonical_object_without};
pub use decl::{FieldInfo, List, Need, Policy, Type, Uses, Vocabulary};
pub use entry::{
    sm3_hex, stored_hash, unhashed_members, HistoryEntry, NewEntry, Origin, StoredEntry, FORMAT,
    GENESIS,
};
pub use event::{Actor, Event, EventData, EventFacts};
pub use finding::*;
pub use limits::{MAX_HISTORY_ENTRIES, MAX_LIST_ITEMS, MAX_NESTING_DEPTH};
pub use project::{
    record_keys, Attributes, BaselineValues, ContractInfo, History, KernelFields, PendingChange,
    Project, RectificationOrder, Sanction,
};
pub use values::{kind_of, Date, Integer, Money, Whole};
pub use vocab::*;
