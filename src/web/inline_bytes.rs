//! Byte strings kept beyond the request they come from: copied into one inline buffer
//! while they fit, cloned when they do not.
//!
//! A clone of a value hyper read is a reference count, but an atomic one, paid again when
//! the clone is dropped; a copy of a few dozen bytes costs less, and a success, which
//! never reads what was kept, pays only for that copy.

/// Room for the copies: a path, a `traceparent` (55 bytes), and the `Accept` and
/// `Accept-Language` of an API client fit; a browser's longer `Accept` is cloned.
const ROOM: usize = 192;

/// Where one kept value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    Absent,
    /// `len` bytes of the copies from `at`.
    Copied {
        at: u8,
        len: u8,
    },
    /// The clone at this index.
    Cloned(u8),
}

/// The kept values: copies, and clones of type `T` for those that did not fit.
pub(crate) struct Kept<T> {
    copies: [u8; ROOM],
    used: usize,
    clones: Vec<T>,
}

impl<T: AsRef<[u8]>> Kept<T> {
    pub(crate) fn new() -> Self {
        Kept {
            copies: [0; ROOM],
            used: 0,
            clones: Vec::new(),
        }
    }

    /// A copy of `value`, where it fits.
    pub(crate) fn copy(&mut self, value: &[u8]) -> Option<Slot> {
        let (at, end) = (self.used, self.used + value.len());
        match (u8::try_from(at), u8::try_from(value.len())) {
            (Ok(start), Ok(len)) if end <= ROOM => {
                self.copies[at..end].copy_from_slice(value);
                self.used = end;
                Some(Slot::Copied { at: start, len })
            }
            _ => None,
        }
    }

    /// Keeps `value`: a copy of its bytes where they fit, else `clone()`.
    pub(crate) fn keep(&mut self, value: &[u8], clone: impl FnOnce() -> T) -> Slot {
        self.copy(value).unwrap_or_else(|| {
            self.clones.push(clone());
            // At most one clone per kept header: far fewer than 256.
            Slot::Cloned(u8::try_from(self.clones.len() - 1).unwrap_or(u8::MAX))
        })
    }

    /// The bytes kept in `slot`.
    pub(crate) fn get(&self, slot: Slot) -> Option<&[u8]> {
        match slot {
            Slot::Absent => None,
            Slot::Copied { at, len } => {
                let at = usize::from(at);
                self.copies.get(at..at + usize::from(len))
            }
            Slot::Cloned(index) => self.clones.get(usize::from(index)).map(T::as_ref),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_while_they_fit_then_clones() {
        let mut kept: Kept<Vec<u8>> = Kept::new();
        let short = kept.keep(b"/carts/7", || unreachable!("it fits"));
        let long = [b'a'; ROOM];
        let spilled = kept.keep(&long, || long.to_vec());
        let last = kept.keep(b"en", || unreachable!("it still fits"));
        assert_eq!(short, Slot::Copied { at: 0, len: 8 });
        assert_eq!(spilled, Slot::Cloned(0));
        assert_eq!(kept.get(short), Some(&b"/carts/7"[..]));
        assert_eq!(kept.get(spilled), Some(&long[..]));
        assert_eq!(kept.get(last), Some(&b"en"[..]));
        assert_eq!(kept.get(Slot::Absent), None);
        let mut full: Kept<Vec<u8>> = Kept::new();
        full.keep(&long[..ROOM - 1], || unreachable!("it fits exactly"));
        assert_eq!(full.keep(b"xy", || b"xy".to_vec()), Slot::Cloned(0));
    }
}
