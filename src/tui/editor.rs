//! A one-line text editor (the `/` view bar): text, a cursor counted in characters, the usual
//! movements and deletions. Pure state; it neither parses views nor draws.

/// The text being edited and where the cursor is (0 = before the first character).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
}

impl LineEditor {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEditor {
        LineEditor {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Types `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Deletes the character before the cursor (Backspace).
    pub fn delete_back(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the character under the cursor (Delete).
    pub fn delete_forward(&mut self) {
        if self.cursor < self.len() {
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes everything before the cursor (Ctrl-U).
    pub fn clear_to_start(&mut self) {
        let at = self.byte(self.cursor);
        self.text.replace_range(..at, "");
        self.cursor = 0;
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, text: &str) {
        *self = LineEditor::new(text);
    }

    /// Puts the cursor before character `chars` (clamped).
    pub fn set_cursor(&mut self, chars: usize) {
        self.cursor = chars.min(self.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_count_characters_not_bytes() {
        let mut e = LineEditor::new("región");
        assert_eq!(e.cursor(), 6);
        e.left();
        e.left();
        e.delete_back();
        assert_eq!(e.text(), "regón");
        e.insert('i');
        assert_eq!(e.text(), "región");
        e.home();
        e.delete_forward();
        assert_eq!(e.text(), "egión");
        e.end();
        e.right();
        assert_eq!(e.cursor(), 5);
        e.set_cursor(2);
        e.clear_to_start();
        assert_eq!((e.text(), e.cursor()), ("ión", 0));
        e.delete_back();
        assert_eq!(e.text(), "ión");
    }
}
