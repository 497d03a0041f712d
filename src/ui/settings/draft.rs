//! The draft-versus-stored state every settings form shares: what is typed, the stored value it
//! started from, and whether an apply is waiting for its snapshot. A snapshot replaces the draft
//! unless the user is editing it; after an apply it always does (the draft was what was sent).

use super::FormBar;

/// A form's draft beside the stored value it started from.
#[derive(Default)]
pub(super) struct Edited<T> {
    /// What the form shows and the user edits.
    draft: T,
    /// The stored value the draft started from (`None` until a snapshot is seen).
    base: Option<T>,
    /// Applied; waiting for the snapshot.
    sent: bool,
}

impl<T: Clone + PartialEq> Edited<T> {
    /// A snapshot holds `stored`: the draft takes it unless being edited (always after an apply); true when it did.
    pub fn on_snapshot(&mut self, stored: T) -> bool {
        let replace = self.sent || !self.dirty();
        if replace {
            self.load(stored);
        } else {
            self.base = Some(stored);
        }
        self.sent = false;
        replace
    }

    /// Draft and base both become `stored`, whatever was typed.
    pub fn load(&mut self, stored: T) {
        self.draft = stored.clone();
        self.base = Some(stored);
    }

    /// True once a stored value was seen (the form loads one before its first frame otherwise).
    pub fn loaded(&self) -> bool {
        self.base.is_some()
    }

    /// The worker refused the change: the draft stays, unsaved.
    pub fn on_failed(&mut self) {
        self.sent = false;
    }

    /// The draft was sent: it waits for the snapshot.
    pub fn mark_sent(&mut self) {
        self.sent = true;
    }

    /// The draft differs from the stored value.
    pub fn dirty(&self) -> bool {
        self.base.as_ref().is_some_and(|b| *b != self.draft)
    }

    /// What the form shows.
    pub fn draft(&self) -> &T {
        &self.draft
    }

    /// What the form shows, to edit.
    pub fn draft_mut(&mut self) -> &mut T {
        &mut self.draft
    }

    /// The stored value the draft started from (`None` until a snapshot is seen).
    pub fn base(&self) -> Option<&T> {
        self.base.as_ref()
    }

    /// The form bar for this draft, given whether it differs from the defaults and the last refusal.
    pub fn bar<'a>(&self, differs_from_default: bool, error: Option<&'a str>) -> FormBar<'a> {
        FormBar { dirty: self.dirty(), differs_from_default, sent: self.sent, error }
    }
}

#[cfg(test)]
mod tests {
    use super::Edited;

    fn loaded(value: u32) -> Edited<u32> {
        let mut e = Edited::default();
        e.load(value);
        e
    }

    #[test]
    fn a_clean_draft_follows_the_snapshot_and_an_edited_one_stays() {
        let mut e = loaded(1);
        assert!(!e.dirty());
        assert!(e.on_snapshot(2), "a clean draft is replaced");
        assert_eq!((*e.draft(), e.base().copied()), (2, Some(2)));

        *e.draft_mut() = 5;
        assert!(e.dirty());
        assert!(!e.on_snapshot(3), "an edited draft is kept");
        assert_eq!((*e.draft(), e.base().copied()), (5, Some(3)));
        assert!(e.dirty(), "still unsaved against the newer stored value");
    }

    #[test]
    fn after_an_apply_the_snapshot_always_wins_and_a_refusal_keeps_the_draft() {
        let mut e = loaded(1);
        *e.draft_mut() = 5;
        e.mark_sent();
        assert!(e.bar(false, None).sent);
        assert!(e.on_snapshot(4), "the snapshot after an apply replaces the draft");
        assert_eq!((*e.draft(), e.base().copied(), e.bar(false, None).sent), (4, Some(4), false));

        *e.draft_mut() = 6;
        e.mark_sent();
        e.on_failed();
        assert!(!e.bar(false, None).sent);
        assert_eq!(*e.draft(), 6, "a refused draft stays as typed");
        assert!(e.dirty());
    }

    #[test]
    fn nothing_is_dirty_before_a_stored_value_is_seen() {
        let mut e = Edited::<u32>::default();
        assert!(!e.loaded());
        *e.draft_mut() = 7;
        assert!(!e.dirty());
        assert!(e.on_snapshot(1));
        assert!(e.loaded());
    }
}
