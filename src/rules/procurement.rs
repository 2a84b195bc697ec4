//! (chapter rules: being written)

use super::Rule;

pub static RULES: &[Rule] = &[];
