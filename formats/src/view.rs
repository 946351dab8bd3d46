//! Text streamed into a `Serialize` view: the formats' views write the same bytes as their
//! writers, message and field through `Display` without a `String` between.

use core::fmt::Display;

use serde::ser::{Serialize, Serializer};

/// Serializes what a `Display` writes, as a string (serde's `collect_str`).
pub(crate) struct Collect<'a>(pub &'a dyn Display);

impl Serialize for Collect<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}
