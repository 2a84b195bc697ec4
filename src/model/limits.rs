//! Resource bounds on input (issue 8): every call's work is bounded by its input,
//! and these limits bound the input beyond `max_input_bytes`.

/// JSON nesting depth, counting the outermost object or array as 1: serde_json's
/// recursion limit refuses input nested deeper, before it can exhaust the stack.
pub const MAX_NESTING_DEPTH: usize = 127;
/// Items in any one list of a document (funding, documents, clauses, co_departments, issues …).
pub const MAX_LIST_ITEMS: usize = 1_000;
/// Entries in a project's history.
pub const MAX_HISTORY_ENTRIES: usize = 10_000;
