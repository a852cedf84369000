//! French typography and formats: amounts, dates, spaces before ; : ! ?
//! Everything the user reads goes through here.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// Narrow no-break space: thousands separator and before ; ! ? and inside « ».
pub const NNBSP: char = '\u{202F}';
/// No-break space: between a number and its unit.
pub const NBSP: char = '\u{00A0}';

/// « 1 234,56 € HT »; cents are shown only when there are some.
pub fn money_ht(cents: i64) -> String {
    format!("{}{NBSP}HT", money(cents))
}

/// « 1 234,56 € »; cents are shown only when there are some.
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = group_thousands(abs / 100);
    match abs % 100 {
        0 => format!("{sign}{euros}{NBSP}€"),
        c => format!("{sign}{euros},{c:02}{NBSP}€"),
    }
}

/// A hundredth-based value in French: 150 → « 1,5 », 200 → « 2 ».
pub fn decimal(hundredths: i64) -> String {
    let whole = hundredths / 100;
    match hundredths % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole},{}", f / 10),
        f => format!("{whole},{f:02}"),
    }
}

/// A score to the hundredth, as an analysis report prints it so that the
/// totals line up: 8500 → « 85,00 », 9456 → « 94,56 ».
pub fn points(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// A quantity in thousandths of its unit, as a bidder reads it:
/// 4 200 000 → « 4 200 », 12 500 → « 12,5 », 1 → « 0,001 ».
pub fn quantity(thousandths: i64) -> String {
    let sign = if thousandths < 0 { "-" } else { "" };
    let abs = thousandths.unsigned_abs();
    let whole = group_thousands(abs / 1000);
    let fraction = format!("{:03}", abs % 1000);
    match fraction.trim_end_matches('0') {
        "" => format!("{sign}{whole}"),
        f => format!("{sign}{whole},{f}"),
    }
}

/// « 120 000 » with narrow no-break spaces.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NNBSP);
        }
        out.push(ch);
    }
    out
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// « 1er décembre 2026 », « 22 novembre 2026 ».
pub fn date(d: NaiveDate) -> String {
    let day = match d.day() {
        1 => "1er".to_string(),
        n => n.to_string(),
    };
    format!(
        "{day}{NBSP}{}{NBSP}{}",
        MONTHS[d.month0() as usize],
        d.year()
    )
}

/// « 15 décembre 2026 à 12 h 00 ».
pub fn datetime(dt: NaiveDateTime) -> String {
    format!(
        "{} à {}{NBSP}h{NBSP}{:02}",
        date(dt.date()),
        dt.hour(),
        dt.minute()
    )
}

/// Applies French typography to running text: straight quotes become « »,
/// a narrow no-break space goes before ; ! ? and a no-break space before :
/// (replacing an ordinary space or added when missing after a word), and
/// apostrophes become ’. URLs, times (10:30) and decimals are left alone.
pub fn typography(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut open_quote = true;
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        match c {
            ';' | '!' | '?' | ':' if is_punctuation_to_space(c, prev, next) => {
                let space = if c == ':' { NBSP } else { NNBSP };
                if out.ends_with(' ') {
                    out.pop();
                }
                if !out.ends_with([NBSP, NNBSP]) {
                    out.push(space);
                }
                out.push(c);
            }
            '"' => {
                if open_quote {
                    out.push('«');
                    out.push(NNBSP);
                } else {
                    if out.ends_with(' ') {
                        out.pop();
                    }
                    out.push(NNBSP);
                    out.push('»');
                }
                open_quote = !open_quote;
            }
            '\'' if prev.is_some_and(char::is_alphabetic) => out.push('’'),
            // The ordinary space typed after an opening quote is already there, narrow.
            ' ' if out.ends_with(&format!("«{NNBSP}")) => {}
            '«' => {
                out.push('«');
                if next != Some(NNBSP) && next != Some(NBSP) {
                    out.push(NNBSP);
                }
            }
            ' ' if next == Some('»') => out.push(NNBSP),
            '»' => {
                if !out.ends_with([NNBSP, NBSP]) {
                    out.push(NNBSP);
                }
                out.push('»');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `c` is French high punctuation in running text (not a URL's
/// colon, a time like 10:30, or a run of punctuation like ?! inside a word).
fn is_punctuation_to_space(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let after_ok = next.is_none_or(|n| n.is_whitespace() || matches!(n, '!' | '?' | '»' | ')'));
    let before_ok = prev.is_some_and(|p| p.is_alphanumeric() || p == ' ' || p == ')' || p == '»');
    if c == ':'
        && prev.is_some_and(|p| p.is_ascii_digit())
        && next.is_some_and(|n| n.is_ascii_digit())
    {
        return false;
    }
    after_ok && before_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_use_narrow_spaces_and_comma() {
        assert_eq!(money_ht(123_456), "1\u{202F}234,56\u{a0}€\u{a0}HT");
        assert_eq!(money(12_000_000), "120\u{202F}000\u{a0}€");
        assert_eq!(money(5), "0,05\u{a0}€");
        assert_eq!(money(-150_000), "-1\u{202F}500\u{a0}€");
        assert_eq!(group_thousands(1_000_000), "1\u{202F}000\u{202F}000");
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(decimal(150), "1,5");
        assert_eq!(decimal(200), "2");
        assert_eq!(decimal(125), "1,25");
    }

    #[test]
    fn quantities_group_thousands_and_drop_trailing_zeros() {
        assert_eq!(quantity(4_200_000), "4\u{202F}200");
        assert_eq!(quantity(12_500), "12,5");
        assert_eq!(quantity(1), "0,001");
        assert_eq!(quantity(1_250_050), "1\u{202F}250,05");
        assert_eq!(quantity(0), "0");
    }

    #[test]
    fn dates_are_written_out() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(date(d), "22\u{a0}novembre\u{a0}2026");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
            "1er\u{a0}décembre\u{a0}2026"
        );
        assert_eq!(
            datetime(d.and_hms_opt(9, 5, 0).unwrap()),
            "22\u{a0}novembre\u{a0}2026 à 9\u{a0}h\u{a0}05"
        );
    }

    #[test]
    fn high_punctuation_gets_its_space() {
        assert_eq!(
            typography("Objet : repas ; prix !"),
            "Objet\u{a0}: repas\u{202F}; prix\u{202F}!"
        );
        assert_eq!(typography("Objet: repas"), "Objet\u{a0}: repas");
        assert_eq!(typography("Pourquoi ?"), "Pourquoi\u{202F}?");
    }

    #[test]
    fn urls_times_and_quotes() {
        assert_eq!(typography("https://a.example/x"), "https://a.example/x");
        assert_eq!(typography("à 10:30 précises"), "à 10:30 précises");
        assert_eq!(
            typography("le \"titulaire\" dit"),
            "le «\u{202F}titulaire\u{202F}» dit"
        );
        assert_eq!(typography("« titulaire »"), "«\u{202F}titulaire\u{202F}»");
        assert_eq!(typography("l'offre"), "l’offre");
    }

    #[test]
    fn typography_is_idempotent() {
        for s in [
            "Objet : repas ; prix !",
            "le \"titulaire\" dit",
            "« titulaire »",
            "l'offre",
        ] {
            let once = typography(s);
            assert_eq!(typography(&once), once, "{s}");
        }
    }
}
