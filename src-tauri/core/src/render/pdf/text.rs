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

/// A piece of a word in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    pub style: Style,
    pub text: String,
}

/// Text between two spaces; may mix faces (« **3**° »).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    pub frags: Vec<Frag>,
}

impl Word {
    fn push(&mut self, style: Style, c: char) {
        match self.frags.last_mut() {
            Some(f) if f.style == style => f.text.push(c),
            _ => self.frags.push(Frag {
                style,
                text: c.to_string(),
            }),
        }
    }

    fn chars(&self) -> Vec<(Style, char)> {
        self.frags
            .iter()
            .flat_map(|f| f.text.chars().map(move |c| (f.style, c)))
            .collect()
    }

    fn from_chars(chars: &[(Style, char)]) -> Word {
        let mut w = Word::default();
        for &(s, c) in chars {
            w.push(s, c);
        }
        w
    }

    pub fn width(&self, m: &Metrics, size: f32) -> f32 {
        self.frags
            .iter()
            .map(|f| m.width(f.style, &f.text, size))
            .sum()
    }

    /// Face used for the space that follows this word.
    pub fn trailing_style(&self) -> Style {
        self.frags.last().map(|f| f.style).unwrap_or(Style::Regular)
    }
}

/// One laid-out line. `justify` is false for the last line of a paragraph
/// and for lines cut inside an over-long word.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub words: Vec<Word>,
    pub natural_width: f32,
    pub justify: bool,
}

impl Line {
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.words
            .iter()
            .map(|w| w.frags.iter().map(|f| f.text.as_str()).collect::<String>())
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

/// Split runs into words. `base` adds bold/italic to every run (headings).
pub fn words(runs: &[Run], base_bold: bool, base_italic: bool) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = Word::default();
    for run in runs {
        let style = Style::new(run.bold || base_bold, run.italic || base_italic);
        for c in run.text.chars() {
            if is_break_space(c) {
                if !cur.frags.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            } else if !c.is_control() && !INVISIBLE.contains(&c) {
                cur.push(style, c);
            }
        }
    }
    if !cur.frags.is_empty() {
        out.push(cur);
    }
    out
}

pub fn words_of(text: &str, style: Style) -> Vec<Word> {
    let bold = matches!(style, Style::Bold | Style::BoldItalic);
    let italic = matches!(style, Style::Italic | Style::BoldItalic);
    words(
        &[Run {
            text: text.to_string(),
            bold,
            italic,
        }],
        bold,
        italic,
    )
}

/// A place inside a word where it may be cut.
struct Cut {
    /// Chars kept on the first line.
    at: usize,
    /// A hyphen must be added (hyphenation point, not an existing hyphen).
    add_hyphen: bool,
}

fn cuts(chars: &[(Style, char)], hyphenate: bool) -> Vec<Cut> {
    let plain: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let points = if hyphenate {
        hyphen::break_points(&plain)
    } else {
        Vec::new()
    };
    let mut cuts: Vec<Cut> = points
        .into_iter()
        .map(|at| Cut {
            at,
            add_hyphen: true,
        })
        .collect();
    for (i, &c) in plain.iter().enumerate() {
        // After an existing hyphen, if letters remain on both sides.
        if (c == '-' || c == '\u{2010}') && i > 0 && i + 1 < plain.len() {
            cuts.push(Cut {
                at: i + 1,
                add_hyphen: false,
            });
        }
    }
    cuts.sort_by_key(|c| std::cmp::Reverse(c.at));
    cuts
}

/// Cumulative advance of the first n chars, n = 0..=len: every candidate
/// cut is then measured in O(1), which matters for pathological words
/// thousands of characters long.
fn prefix_widths(chars: &[(Style, char)], m: &Metrics, size: f32) -> Vec<f32> {
    let mut acc = Vec::with_capacity(chars.len() + 1);
    let mut w = 0.0;
    acc.push(0.0);
    for &(s, c) in chars {
        w += m.advance(s, c) * size;
        acc.push(w);
    }
    acc
}

/// Split `word` so that its first part fits in `room`; None if no cut fits.
fn split_to_fit(
    word: &Word,
    room: f32,
    m: &Metrics,
    size: f32,
    hyphenate: bool,
) -> Option<(Word, Word)> {
    let chars = word.chars();
    let widths = prefix_widths(&chars, m, size);
    for cut in cuts(&chars, hyphenate) {
        let hyphen = if cut.add_hyphen {
            m.advance(chars[cut.at - 1].0, '-') * size
        } else {
            0.0
        };
        if widths[cut.at] + hyphen <= room {
            let mut head = Word::from_chars(&chars[..cut.at]);
            if cut.add_hyphen {
                let style = head.trailing_style();
                head.push(style, '-');
            }
            return Some((head, Word::from_chars(&chars[cut.at..])));
        }
    }
    None
}

/// Last resort for a word wider than a whole line: as many characters as
/// fit (at least one, so the loop always advances).
fn split_by_char(word: &Word, room: f32, m: &Metrics, size: f32) -> (Word, Word) {
    let chars = word.chars();
    let widths = prefix_widths(&chars, m, size);
    let n = widths
        .iter()
        .rposition(|&w| w <= room)
        .unwrap_or(0)
        .clamp(1, chars.len().max(1));
    let n = n.min(chars.len());
    (Word::from_chars(&chars[..n]), Word::from_chars(&chars[n..]))
}

/// Lines of running text, hyphenated.
pub fn break_lines(words: Vec<Word>, max: f32, size: f32, m: &Metrics) -> Vec<Line> {
    fill(words, max, size, m, true)
}

/// Lines of a title or label: a hyphen in a heading reads as a mistake.
pub fn break_title(words: Vec<Word>, max: f32, size: f32, m: &Metrics) -> Vec<Line> {
    fill(words, max, size, m, false)
}

/// Greedy line filling: simple, predictable and fast enough for 500
/// paragraphs; French administrative prose rarely needs better.
fn fill(words: Vec<Word>, max: f32, size: f32, m: &Metrics, hyphenate: bool) -> Vec<Line> {
    const EPS: f32 = 0.01;
    let max = max.max(size); // a column narrower than one em cannot hold text
    let mut lines = Vec::new();
    let mut queue: std::collections::VecDeque<Word> = words.into();
    let mut cur: Vec<Word> = Vec::new();
    let mut width = 0.0f32;
    while let Some(word) = queue.pop_front() {
        if word.frags.is_empty() {
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
        if let Some((head, tail)) = split_to_fit(&word, room + EPS, m, size, hyphenate) {
            width += space + head.width(m, size);
            cur.push(head);
            lines.push(Line {
                words: std::mem::take(&mut cur),
                natural_width: width,
                justify: true,
            });
            width = 0.0;
            queue.push_front(tail);
        } else if cur.is_empty() {
            let (head, tail) = split_by_char(&word, max + EPS, m, size);
            let hw = head.width(m, size);
            lines.push(Line {
                words: vec![head],
                natural_width: hw,
                justify: false,
            });
            if !tail.frags.is_empty() {
                queue.push_front(tail);
            }
        } else {
            lines.push(Line {
                words: std::mem::take(&mut cur),
                natural_width: width,
                justify: true,
            });
            width = 0.0;
            queue.push_front(word);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> &'static Metrics {
        Metrics::get().unwrap()
    }

    #[test]
    fn no_break_spaces_glue_words() {
        let ws = words(
            &[Run::plain("montant 1\u{202F}234,56\u{A0}€ HT")],
            false,
            false,
        );
        assert_eq!(ws.len(), 3);
        let lines = break_lines(ws, 60.0, 10.0, m());
        assert!(lines
            .iter()
            .any(|l| l.text().contains("1\u{202F}234,56\u{A0}€")));
    }

    #[test]
    fn huge_word_is_cut_by_character() {
        let long = "x".repeat(400);
        let lines = break_lines(
            words(&[Run::plain(long.clone())], false, false),
            100.0,
            10.0,
            m(),
        );
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.natural_width <= 100.5));
        assert_eq!(lines.iter().map(|l| l.text()).collect::<String>(), long);
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let text = "Le pouvoir adjudicateur se réserve la possibilité de négocier avec les \
                    candidats ayant présenté une offre conformément aux dispositions du code.";
        let lines = break_lines(words(&[Run::plain(text)], false, false), 150.0, 10.0, m());
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.natural_width <= 150.01, "{} too wide", l.text());
        }
        let joined: String = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
        let restored = joined.replace("- ", "").replace(' ', "");
        assert_eq!(restored, text.replace(' ', ""));
        assert!(!lines.last().unwrap().justify);
    }
}
