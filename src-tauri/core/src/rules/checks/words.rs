//! The buyer's wording as a check sees it: sentences of words, each word
//! lowercased and without accents, so that « Implantées », « implantees »
//! and « implanté » are matched by one pattern instead of a list of forms.
//!
//! A pattern is words separated by spaces; each word is alternatives
//! separated by `|`, an alternative ending in `*` matches any word it
//! starts, `#` matches a number: `"situe|situee|situes|situees a|dans"`,
//! `"a moins de # km"`, `"biolog*"`.

/// One word of a sentence: as typed (with its place in the text), and normalised.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub raw: &'a str,
    pub norm: String,
    start: usize,
}

/// The words of one sentence of a text.
pub struct Sentence<'a> {
    text: &'a str,
    pub words: Vec<Word<'a>>,
}

impl<'a> Sentence<'a> {
    /// The text from word `from` to the word before `to`, as the buyer typed it.
    pub fn quote(&self, from: usize, to: usize) -> &'a str {
        let last = &self.words[to.min(self.words.len()) - 1];
        &self.text[self.words[from].start..last.start + last.raw.len()]
    }
}

/// Lowercase, accents and ligatures removed: « Œuvre Éco » -> « oeuvre eco ».
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            _ => out.push(c),
        }
    }
    out
}

/// The sentences of `text`: a full stop counts only before a space or the
/// end, so « 14.1.3 » and « 3,5 » stay inside their sentence.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        let ends = match c {
            '\n' | ';' => true,
            '.' | '!' | '?' => next_is_space,
            _ => false,
        };
        if ends {
            out.push(words(text, start, i));
            start = i + c.len_utf8();
        }
    }
    out.push(words(text, start, text.len()));
    out.retain(|s| !s.is_empty());
    out.into_iter()
        .map(|words| Sentence { text, words })
        .collect()
}

/// Runs of letters and digits, plus the signs a check reads on their own
/// (« % », « € », « ® », « ™ »).
fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let word = |start: usize, end: usize| Word {
        raw: &text[start..end],
        norm: normalise(&text[start..end]),
        start,
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..to].char_indices() {
        let i = from + i;
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(s, i));
        }
        if matches!(c, '%' | '€' | '®' | '™') {
            out.push(word(i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push(word(s, to));
    }
    out
}

fn word_matches(word: &str, alternatives: &str) -> bool {
    alternatives.split('|').any(|alt| match alt {
        "#" => word.starts_with(|c: char| c.is_ascii_digit()),
        _ => match alt.strip_suffix('*') {
            Some(stem) => word.starts_with(stem),
            None => word == alt,
        },
    })
}

/// The number of words `pattern` matches at `at` in `sentence`, if it does.
pub fn match_at(sentence: &[Word], at: usize, pattern: &str) -> Option<usize> {
    let parts: Vec<&str> = pattern.split(' ').collect();
    let words = sentence.get(at..at + parts.len())?;
    parts
        .iter()
        .zip(words)
        .all(|(p, w)| word_matches(&w.norm, p))
        .then_some(parts.len())
}

/// The first place where one of `patterns` starts in `sentence` at or after
/// `from`: (position, words matched).
pub fn find(sentence: &[Word], from: usize, patterns: &[&str]) -> Option<(usize, usize)> {
    (from..sentence.len()).find_map(|i| {
        patterns
            .iter()
            .find_map(|p| match_at(sentence, i, p))
            .map(|len| (i, len))
    })
}

/// Whether `text` contains one of `patterns` in any of its sentences.
pub fn mentions(text: &str, patterns: &[&str]) -> bool {
    sentences(text)
        .iter()
        .any(|s| find(&s.words, 0, patterns).is_some())
}

/// « ou équivalent » (any inflection) after position `after` in the
/// sentence: the remedy R2111-7 and R2111-8 require after a brand or a standard.
pub fn equivalent_after(sentence: &[Word], after: usize) -> bool {
    find(
        sentence,
        after,
        &["ou equivalent*", "ou techniquement equivalent*"],
    )
    .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Vec<Word<'_>> {
        sentences(text).into_iter().next().unwrap().words
    }

    #[test]
    fn accents_case_and_ligatures_do_not_count() {
        assert_eq!(
            normalise("Implantées ŒUVRE Kärcher"),
            "implantees oeuvre karcher"
        );
    }

    #[test]
    fn full_stops_end_sentences_only_before_a_space() {
        let s = sentences("Voir l'article 14.1.3 du CCAG. Puis 3,5 %; fin");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].quote(0, 99), "Voir l'article 14.1.3 du CCAG");
        assert_eq!(s[1].words.last().unwrap().raw, "%");
    }

    #[test]
    fn patterns_match_stems_alternatives_and_numbers() {
        let s = first("Entreprises situées à moins de 30 km");
        assert_eq!(find(&s, 0, &["entreprise*"]), Some((0, 1)));
        assert_eq!(find(&s, 0, &["situe|situee|situees a|dans"]), Some((1, 2)));
        assert_eq!(find(&s, 0, &["a moins de # km"]), Some((2, 5)));
        assert_eq!(find(&s, 0, &["local"]), None);
    }

    #[test]
    fn the_remedy_must_follow() {
        let s = first("Four Rational ou équivalents");
        assert!(equivalent_after(&s, 1));
        let s = first("Ou équivalent : four Rational");
        assert!(!equivalent_after(&s, 3));
    }
}
