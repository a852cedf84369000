//! French hyphenation (TeX patterns through the `hyphenation` crate).
//!
//! The compiled dictionary is a copy of the crate's `fr.standard.bincode`
//! kept in `assets/hyphenation/`, so no build script or download is needed.

use hyphenation::{Hyphenator, Language, Load, Standard};
use std::sync::OnceLock;

static FR_DICT: &[u8] = include_bytes!("../../../../../assets/hyphenation/fr.standard.bincode");

/// Shortest word worth hyphenating: cutting short words hurts reading more
/// than a loose line does.
const MIN_WORD_CHARS: usize = 6;

fn dictionary() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_reader(Language::French, &mut &FR_DICT[..]).ok())
        .as_ref()
}

/// Char offsets inside `word` where a hyphen may be inserted. Words with
/// digits (references, amounts) are never cut; only letter runs of at
/// least six letters are considered, so « d'attribution » may break inside
/// « attribution » but never around the apostrophe.
pub fn break_points(word: &[char]) -> Vec<usize> {
    if word.iter().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let Some(dict) = dictionary() else {
        return Vec::new();
    };
    let mut points = Vec::new();
    let mut i = 0;
    while i < word.len() {
        if !word[i].is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < word.len() && word[i].is_alphabetic() {
            i += 1;
        }
        let run = &word[start..i];
        if run.len() < MIN_WORD_CHARS {
            continue;
        }
        let lower: String = run.iter().flat_map(|c| c.to_lowercase()).collect();
        // Byte offsets from the dictionary only map back to chars when
        // lowercasing kept one char per char (true for French letters).
        if lower.chars().count() != run.len() {
            continue;
        }
        let hyphenated = dict.hyphenate(&lower);
        for byte in hyphenated.breaks {
            let chars = lower[..byte.min(lower.len())].chars().count();
            if chars > 0 && chars < run.len() {
                points.push(start + chars);
            }
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenates_long_french_words_only() {
        let w: Vec<char> = "consultation".chars().collect();
        let p = break_points(&w);
        assert!(!p.is_empty(), "no break found in « consultation »");
        assert!(p.iter().all(|&i| i >= 2 && i <= w.len() - 3));
        assert!(break_points(&"petit".chars().collect::<Vec<_>>()).is_empty());
        assert!(break_points(&"CCAP2024abcdef".chars().collect::<Vec<_>>()).is_empty());
    }
}
