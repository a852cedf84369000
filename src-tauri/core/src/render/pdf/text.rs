//! Turning runs into lines: words, break opportunities, greedy filling.
//!
//! Only an ordinary space (or a tab / newline, treated as one) separates
//! words: U+00A0 and U+202F are glue, so « 1 234,56 € » or « article 3 »
//! never split. Inside a word a line may break after a hyphen, at a French
//! hyphenation point, or — as a last resort for a word wider than the
//! column — between any two characters.

use super::fonts::{Metrics, Style};
use super::hyphen;
use crate::compose::document::Run;
use std::borrow::Cow;
use std::cell::RefCell;

/// A piece of a word in one face. The text borrows the document's runs;
/// it is owned only when it had to be changed (a dropped invisible
/// character, runs merged, a hyphen added at a cut).
#[derive(Debug, Clone, PartialEq)]
pub struct Frag<'a> {
    pub style: Style,
    pub text: Cow<'a, str>,
}

/// Text between two spaces; may mix faces (« **3**° »).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word<'a> {
    frags: Frags<'a>,
}

/// The fragments of a word. Nearly every word is in one face: that case
/// is kept inline, so a word costs no allocation of its own.
#[derive(Debug, Clone, PartialEq)]
enum Frags<'a> {
    One(Frag<'a>),
    Many(Vec<Frag<'a>>),
}

impl Default for Frags<'_> {
    fn default() -> Self {
        Frags::Many(Vec::new())
    }
}

impl<'a> Word<'a> {
    pub fn frags(&self) -> &[Frag<'a>] {
        match &self.frags {
            Frags::One(f) => std::slice::from_ref(f),
            Frags::Many(v) => v,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.frags().is_empty()
    }

    fn last_mut(&mut self) -> Option<&mut Frag<'a>> {
        match &mut self.frags {
            Frags::One(f) => Some(f),
            Frags::Many(v) => v.last_mut(),
        }
    }

    /// A word of one fragment.
    fn one(style: Style, text: &'a str) -> Word<'a> {
        Word {
            frags: Frags::One(Frag {
                style,
                text: Cow::Borrowed(text),
            }),
        }
    }

    fn push_frag(&mut self, f: Frag<'a>) {
        match &mut self.frags {
            Frags::Many(v) if v.is_empty() => self.frags = Frags::One(f),
            Frags::Many(v) => v.push(f),
            Frags::One(_) => {
                if let Frags::One(first) = std::mem::take(&mut self.frags) {
                    self.frags = Frags::Many(vec![first, f]);
                }
            }
        }
    }

    /// Appends text in `style`, to the last fragment when it has that style.
    fn push_str(&mut self, style: Style, s: &'a str) {
        if s.is_empty() {
            return;
        }
        match self.last_mut() {
            Some(f) if f.style == style => f.text.to_mut().push_str(s),
            _ => self.push_frag(Frag {
                style,
                text: Cow::Borrowed(s),
            }),
        }
    }

    fn push(&mut self, style: Style, c: char) {
        match self.last_mut() {
            Some(f) if f.style == style => f.text.to_mut().push(c),
            _ => self.push_frag(Frag {
                style,
                text: Cow::Owned(c.to_string()),
            }),
        }
    }

    /// The first `n` characters and the rest, as two words; the pieces
    /// keep borrowing the document's text.
    fn split_at_char(&self, n: usize) -> (Word<'a>, Word<'a>) {
        let mut head = Word::default();
        let mut tail = Word::default();
        let mut left = n;
        for f in self.frags() {
            if left == 0 {
                tail.push_frag(f.clone());
                continue;
            }
            let len = f.text.chars().count();
            if left >= len {
                head.push_frag(f.clone());
                left -= len;
                continue;
            }
            let at = f
                .text
                .char_indices()
                .nth(left)
                .map_or(f.text.len(), |(i, _)| i);
            let (a, b) = match &f.text {
                Cow::Borrowed(s) => (Cow::Borrowed(&s[..at]), Cow::Borrowed(&s[at..])),
                Cow::Owned(s) => (
                    Cow::Owned(s[..at].to_string()),
                    Cow::Owned(s[at..].to_string()),
                ),
            };
            head.push_frag(Frag {
                style: f.style,
                text: a,
            });
            tail.push_frag(Frag {
                style: f.style,
                text: b,
            });
            left = 0;
        }
        (head, tail)
    }

    pub fn width(&self, m: &Metrics, size: f32) -> f32 {
        self.frags()
            .iter()
            .map(|f| m.width(f.style, &f.text, size))
            .sum()
    }

    /// Face used for the space that follows this word.
    pub fn trailing_style(&self) -> Style {
        self.frags()
            .last()
            .map(|f| f.style)
            .unwrap_or(Style::Regular)
    }
}

/// One laid-out line. `justify` is false for the last line of a paragraph
/// and for lines cut inside an over-long word.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    pub words: Vec<Word<'a>>,
    pub natural_width: f32,
    pub justify: bool,
}

impl Line<'_> {
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.words
            .iter()
            .map(|w| {
                w.frags()
                    .iter()
                    .map(|f| f.text.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Format characters the fonts lack and a reader would show as boxes:
/// soft hyphen, zero-width space and joiners, word joiner, BOM.
const INVISIBLE: [char; 6] = [
    '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

pub fn is_break_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

/// Whether a byte of UTF-8 text may start a character that separates
/// words or is dropped: ASCII spaces and controls, and the lead bytes of
/// U+0080–U+00BF (C1 controls, soft hyphen), U+2000–U+2FFF (zero-width
/// characters, word joiner) and U+F000–U+FFFF (BOM). Every other byte
/// belongs to a character that is kept as it is.
fn may_be_special(b: u8) -> bool {
    b <= b' ' || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef
}

/// Ordinary spaces in `text`: about the number of words it holds, to size
/// the list of words once rather than grow it word by word.
fn spaces(text: &str) -> usize {
    text.bytes().filter(|&b| b == b' ').count()
}

/// Split runs into words. `base` adds bold/italic to every run (headings).
pub fn words(runs: &[Run], base_bold: bool, base_italic: bool) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(runs.iter().map(|r| spaces(&r.text)).sum::<usize>() + 1);
    let mut cur = Word::default();
    for run in runs {
        let style = Style::new(run.bold || base_bold, run.italic || base_italic);
        split(&run.text, style, &mut cur, &mut out);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Adds the words of `text` to `out`; the last one stays in `cur`, since
/// the next run may continue it. Words are slices of `text`.
fn split<'a>(text: &'a str, style: Style, cur: &mut Word<'a>, out: &mut Vec<Word<'a>>) {
    let bytes = text.as_bytes();
    // Start of the part of `text` not yet added to `cur`.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !may_be_special(bytes[i]) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let next = i + c.len_utf8();
        if is_break_space(c) {
            if cur.is_empty() {
                // The usual word: a slice of this run, nothing before it.
                if start < i {
                    out.push(Word::one(style, &text[start..i]));
                }
            } else {
                cur.push_str(style, &text[start..i]);
                out.push(std::mem::take(cur));
            }
            start = next;
        } else if c.is_control() || INVISIBLE.contains(&c) {
            cur.push_str(style, &text[start..i]);
            start = next;
        }
        i = next;
    }
    cur.push_str(style, &text[start..]);
}

pub fn words_of(text: &str, style: Style) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(spaces(text) + 1);
    let mut cur = Word::default();
    split(text, style, &mut cur, &mut out);
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A place inside a word where it may be cut.
struct Cut {
    /// Chars kept on the first line.
    at: usize,
    /// A hyphen must be added (hyphenation point, not an existing hyphen).
    add_hyphen: bool,
}

/// Room for cutting words, reused from one line to the next: a word is
/// cut at nearly every line end, and allocating these each time was most
/// of the cost of the cut.
#[derive(Default)]
pub struct Scratch {
    chars: Vec<(Style, char)>,
    plain: Vec<char>,
    widths: Vec<f32>,
    cuts: Vec<Cut>,
}

/// What line breaking keeps during a whole render: the hyphenation points
/// found so far and the scratch room.
#[derive(Default)]
pub struct Breaker {
    hyphens: hyphen::Cache,
    scratch: RefCell<Scratch>,
}

/// The places where the word in `s.plain` may be cut, rightmost first.
fn cuts(s: &mut Scratch, hyphens: Option<&hyphen::Cache>) {
    s.cuts.clear();
    if let Some(cache) = hyphens {
        s.cuts
            .extend(cache.break_points(&s.plain).iter().map(|&at| Cut {
                at,
                add_hyphen: true,
            }));
    }
    let plain = &s.plain;
    for (i, &c) in plain.iter().enumerate() {
        // After an existing hyphen, if letters remain on both sides.
        if (c == '-' || c == '\u{2010}') && i > 0 && i + 1 < plain.len() {
            s.cuts.push(Cut {
                at: i + 1,
                add_hyphen: false,
            });
        }
    }
    s.cuts.sort_by_key(|c| std::cmp::Reverse(c.at));
}

/// The word's characters into `s.chars` and `s.plain`, and the cumulative
/// advance of its first n chars, n = 0..=len, into `s.widths`: every
/// candidate cut is then measured in O(1), which matters for pathological
/// words thousands of characters long.
fn measure(s: &mut Scratch, word: &Word, m: &Metrics, size: f32) {
    s.chars.clear();
    s.plain.clear();
    s.widths.clear();
    let mut w = 0.0;
    s.widths.push(w);
    for f in word.frags() {
        for c in f.text.chars() {
            s.chars.push((f.style, c));
            s.plain.push(c);
            w += m.advance(f.style, c) * size;
            s.widths.push(w);
        }
    }
}

/// Split `word` so that its first part fits in `room`; None if no cut fits.
fn split_to_fit<'a>(
    word: &Word<'a>,
    room: f32,
    m: &Metrics,
    size: f32,
    hyphens: Option<&hyphen::Cache>,
    s: &mut Scratch,
) -> Option<(Word<'a>, Word<'a>)> {
    // Every cut keeps at least one character: when the first does not
    // fit, none does, and the word need not be measured or hyphenated.
    let first = word.frags().first()?;
    let c = first.text.chars().next()?;
    if 0.0 + m.advance(first.style, c) * size > room {
        return None;
    }
    measure(s, word, m, size);
    cuts(s, hyphens);
    for cut in &s.cuts {
        let hyphen = if cut.add_hyphen {
            m.advance(s.chars[cut.at - 1].0, '-') * size
        } else {
            0.0
        };
        if s.widths[cut.at] + hyphen <= room {
            let (mut head, tail) = word.split_at_char(cut.at);
            if cut.add_hyphen {
                let style = head.trailing_style();
                head.push(style, '-');
            }
            return Some((head, tail));
        }
    }
    None
}

/// Last resort for a word wider than a whole line: as many characters as
/// fit (at least one, so the loop always advances).
fn split_by_char<'a>(
    word: &Word<'a>,
    room: f32,
    m: &Metrics,
    size: f32,
    s: &mut Scratch,
) -> (Word<'a>, Word<'a>) {
    measure(s, word, m, size);
    let len = s.chars.len();
    let n = s
        .widths
        .iter()
        .rposition(|&w| w <= room)
        .unwrap_or(0)
        .clamp(1, len.max(1));
    word.split_at_char(n.min(len))
}

/// Lines of running text, hyphenated (with the break points found so far
/// in this document).
pub fn break_lines<'a>(
    words: Vec<Word<'a>>,
    max: f32,
    size: f32,
    m: &Metrics,
    b: &Breaker,
) -> Vec<Line<'a>> {
    fill(
        words,
        max,
        size,
        m,
        Some(&b.hyphens),
        &mut b.scratch.borrow_mut(),
    )
}

/// Lines of a title or label: a hyphen in a heading reads as a mistake.
pub fn break_title<'a>(words: Vec<Word<'a>>, max: f32, size: f32, m: &Metrics) -> Vec<Line<'a>> {
    fill(words, max, size, m, None, &mut Scratch::default())
}

/// Greedy line filling: simple, predictable and fast enough for 500
/// paragraphs; French administrative prose rarely needs better.
fn fill<'a>(
    words: Vec<Word<'a>>,
    max: f32,
    size: f32,
    m: &Metrics,
    hyphens: Option<&hyphen::Cache>,
    scratch: &mut Scratch,
) -> Vec<Line<'a>> {
    const EPS: f32 = 0.01;
    let max = max.max(size); // a column narrower than one em cannot hold text
    let mut lines = Vec::new();
    let mut cur: Vec<Word<'a>> = Vec::with_capacity(words.len().min(16));
    let mut queue = words.into_iter();
    // A word put back for the next line (or the rest of a cut one).
    let mut pending: Option<Word<'a>> = None;
    let mut width = 0.0f32;
    while let Some(word) = pending.take().or_else(|| queue.next()) {
        if word.is_empty() {
            continue;
        }
        let space = match cur.last() {
            Some(prev) => m.advance(prev.trailing_style(), ' ') * size,
            None => 0.0,
        };
        let w = word.width(m, size);
        if width + space + w <= max + EPS {
            width += space + w;
            cur.push(word);
            continue;
        }
        let room = max - width - space;
        if let Some((head, tail)) = split_to_fit(&word, room + EPS, m, size, hyphens, scratch) {
            width += space + head.width(m, size);
            cur.push(head);
            lines.push(Line {
                words: take_line(&mut cur),
                natural_width: width,
                justify: true,
            });
            width = 0.0;
            pending = Some(tail);
        } else if cur.is_empty() {
            let (head, tail) = split_by_char(&word, max + EPS, m, size, scratch);
            let hw = head.width(m, size);
            lines.push(Line {
                words: vec![head],
                natural_width: hw,
                justify: false,
            });
            if !tail.is_empty() {
                pending = Some(tail);
            }
        } else {
            lines.push(Line {
                words: take_line(&mut cur),
                natural_width: width,
                justify: true,
            });
            width = 0.0;
            pending = Some(word);
        }
    }
    if !cur.is_empty() {
        lines.push(Line {
            words: cur,
            natural_width: width,
            justify: false,
        });
    }
    lines
}

/// The words of a finished line. The next line gets the room this one
/// needed, so that a line is one allocation rather than a vector growing
/// word by word.
fn take_line<'a>(cur: &mut Vec<Word<'a>>) -> Vec<Word<'a>> {
    let n = cur.len();
    std::mem::replace(cur, Vec::with_capacity(n + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> &'static Metrics {
        Metrics::get().unwrap()
    }

    #[test]
    fn no_break_spaces_glue_words() {
        let runs = [Run::plain("montant 1\u{202F}234,56\u{A0}€ HT")];
        let ws = words(&runs, false, false);
        assert_eq!(ws.len(), 3);
        let lines = break_lines(ws, 60.0, 10.0, m(), &Breaker::default());
        assert!(lines
            .iter()
            .any(|l| l.text().contains("1\u{202F}234,56\u{A0}€")));
    }

    #[test]
    fn huge_word_is_cut_by_character() {
        let long = "x".repeat(400);
        let runs = [Run::plain(long.clone())];
        let lines = break_lines(
            words(&runs, false, false),
            100.0,
            10.0,
            m(),
            &Breaker::default(),
        );
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.natural_width <= 100.5));
        assert_eq!(lines.iter().map(|l| l.text()).collect::<String>(), long);
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let text = "Le pouvoir adjudicateur se réserve la possibilité de négocier avec les \
                    candidats ayant présenté une offre conformément aux dispositions du code.";
        let runs = [Run::plain(text)];
        let lines = break_lines(
            words(&runs, false, false),
            150.0,
            10.0,
            m(),
            &Breaker::default(),
        );
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.natural_width <= 150.01, "{} too wide", l.text());
        }
        let joined: String = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        let restored = joined.replace("- ", "").replace(' ', "");
        assert_eq!(restored, text.replace(' ', ""));
        assert!(!lines.last().unwrap().justify);
    }

    /// Words as the splitter made them before it borrowed the runs: char
    /// by char, merging a char into the last fragment of the same face.
    fn words_char_by_char(runs: &[Run]) -> Vec<Vec<(Style, String)>> {
        let mut out = Vec::new();
        let mut cur: Vec<(Style, String)> = Vec::new();
        for run in runs {
            let style = Style::new(run.bold, run.italic);
            for c in run.text.chars() {
                if is_break_space(c) {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                } else if !c.is_control() && !INVISIBLE.contains(&c) {
                    match cur.last_mut() {
                        Some((s, t)) if *s == style => t.push(c),
                        _ => cur.push((style, c.to_string())),
                    }
                }
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    fn as_pairs(ws: &[Word]) -> Vec<Vec<(Style, String)>> {
        ws.iter()
            .map(|w| {
                w.frags()
                    .iter()
                    .map(|f| (f.style, f.text.to_string()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn borrowed_words_match_the_char_by_char_split() {
        let run = |text: &str, bold: bool, italic: bool| Run {
            text: text.into(),
            bold,
            italic,
        };
        let cases: Vec<Vec<Run>> = vec![
            vec![run(
                "  Le  marché\tn° 3\n\r(lot 2) — 1\u{202F}234,56\u{A0}€ ",
                false,
                false,
            )],
            vec![run(
                "con\u{AD}sul\u{200B}ta\u{FEFF}tion \u{2060}x\u{85}y\u{7F}z\u{1}",
                false,
                false,
            )],
            vec![
                run("le 3", false, false),
                run("e", true, false),
                run(" et ", false, false),
                run("**", false, false),
                run("gras", true, false),
                run("suite", true, false),
                run(" fin", false, false),
            ],
            vec![
                run("mot", false, true),
                run("\u{AD}", false, true),
                run("coupé ", false, true),
                run(" ", true, true),
                run("œuvre’s", true, true),
            ],
            vec![run("", false, false), run(" \u{AD} ", false, false)],
            vec![run("ÉÀÇ ĳ Łódź ≤ ≥ → 😀", false, false)],
        ];
        for runs in cases {
            assert_eq!(
                as_pairs(&words(&runs, false, false)),
                words_char_by_char(&runs)
            );
        }
    }

    #[test]
    fn a_cut_word_keeps_its_faces_and_borrows_the_text() {
        let runs = [
            Run::plain("abc"),
            Run {
                text: "déf".into(),
                bold: true,
                italic: false,
            },
            Run::plain("gh"),
        ];
        let ws = words(&runs, false, false);
        assert_eq!(ws.len(), 1);
        for n in 0..=8 {
            let (head, tail) = ws[0].split_at_char(n);
            let mut joined = as_pairs(std::slice::from_ref(&head)).remove(0);
            let tail_pairs = as_pairs(std::slice::from_ref(&tail)).remove(0);
            // Rejoin the fragment cut in two, then compare with the word.
            match (joined.last_mut(), tail_pairs.first()) {
                (Some(h), Some(t)) if h.0 == t.0 => {
                    h.1.push_str(&t.1);
                    joined.extend(tail_pairs.into_iter().skip(1));
                }
                _ => joined.extend(tail_pairs),
            }
            assert_eq!(joined, as_pairs(&ws).remove(0), "cut at {n}");
            let count = |w: &Word| {
                w.frags()
                    .iter()
                    .map(|f| f.text.chars().count())
                    .sum::<usize>()
            };
            assert_eq!(count(&head), n);
            assert!(head
                .frags()
                .iter()
                .chain(tail.frags())
                .all(|f| matches!(f.text, Cow::Borrowed(_))));
        }
    }

    #[test]
    fn hyphenation_points_are_the_same_from_the_cache() {
        let b = Breaker::default();
        let text = "Le pouvoir adjudicateur se réserve la possibilité de négocier avec les \
                    candidats ayant présenté une offre conformément aux dispositions du code \
                    de la commande publique ; l’attributaire du marché transmettra ses \
                    attestations d’assurance responsabilité-civile avant notification.";
        let runs = [Run::plain(text.repeat(6))];
        for width in [90.0, 150.0, 230.0, 400.0] {
            let fresh = break_lines(
                words(&runs, false, false),
                width,
                10.0,
                m(),
                &Breaker::default(),
            );
            // The shared breaker has seen these words already, in other widths.
            let cached = break_lines(words(&runs, false, false), width, 10.0, m(), &b);
            assert_eq!(cached, fresh, "width {width}");
        }
    }
}
