//! French hyphenation (TeX patterns through the `hyphenation` crate).
//!
//! The compiled dictionary is a copy of the crate's `fr.standard.bincode`
//! kept in `assets/hyphenation/`, so no build script or download is needed.

use hyphenation::{Hyphenator, Language, Load, Standard};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
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

#[cfg(test)]
pub fn break_points(word: &[char]) -> Vec<usize> {
    Cache::default().break_points(word).to_vec()
}

/// The break points of the words hyphenated so far, by word: one
/// render's worth, since a document repeats its vocabulary and the
/// dictionary (a trie walk from every letter of the word) was the costliest
/// step of line breaking.
pub struct Cache {
    words: RefCell<HashMap<String, Rc<[usize]>, BuildHasherDefault<Fnv>>>,
    /// The word being looked up, reused from one lookup to the next.
    key: RefCell<String>,
    none: Rc<[usize]>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            words: RefCell::default(),
            key: RefCell::default(),
            none: Rc::from(Vec::new()),
        }
    }
}

impl Cache {
    /// Char offsets inside `word` where a hyphen may be inserted. Words
    /// with digits (references, amounts) are never cut; only letter runs of
    /// at least six letters are considered, so « d'attribution » may break
    /// inside « attribution » but never around the apostrophe.
    pub fn break_points(&self, word: &[char]) -> Rc<[usize]> {
        if word.iter().any(|c| c.is_ascii_digit()) {
            return self.none.clone();
        }
        let mut key = self.key.borrow_mut();
        key.clear();
        key.extend(word);
        let mut words = self.words.borrow_mut();
        if let Some(points) = words.get(key.as_str()) {
            return points.clone();
        }
        let points: Rc<[usize]> = Rc::from(word_points(word));
        words.insert(key.clone(), points.clone());
        points
    }
}

/// `Cache::break_points` without the cache.
fn word_points(word: &[char]) -> Vec<usize> {
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
        points.extend(
            run_points(dict, &lower, run.len())
                .into_iter()
                .map(|p| start + p),
        );
    }
    points
}

/// Char offsets inside one letter run (given lowercased) where it may be
/// hyphenated.
fn run_points(dict: &Standard, lower: &str, run_len: usize) -> Vec<usize> {
    // Byte offsets from the dictionary only map back to chars when
    // lowercasing kept one char per char (true for French letters).
    if lower.chars().count() != run_len {
        return Vec::new();
    }
    let hyphenated = dict.hyphenate(lower);
    let mut points = Vec::new();
    for byte in hyphenated.breaks {
        let chars = lower[..byte.min(lower.len())].chars().count();
        if chars > 0 && chars < run_len {
            points.push(chars);
        }
    }
    points
}

/// FNV-1a: the keys are short words, for which the default SipHash costs
/// more than the lookup it serves; no untrusted party chooses them to
/// collide (they come from the user's own dossier).
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
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
