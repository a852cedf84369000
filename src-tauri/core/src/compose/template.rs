//! The Jinja side: the dossier and its French wording in, Markdown out.

use super::{labels, MISSING};
use crate::french;
use crate::model::Dossier;
use chrono::{NaiveDate, NaiveDateTime};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};

const DCE: &str = include_str!("../../../../templates/document/dce.md");
const FRAMES: &str = include_str!("../../../../templates/document/cadre-reponse.md");
const NOTICE: &str = include_str!("../../../../templates/document/avis.md");
const PRICES: &str = include_str!("../../../../templates/document/prix.md");
const REVIEW: &str = include_str!("../../../../templates/document/relecture.md");
const AWARD_REPORT: &str = include_str!("../../../../templates/document/rapport.md");
const REJECTION: &str = include_str!("../../../../templates/document/rejet.md");
const AWARD_LETTER: &str = include_str!("../../../../templates/document/attribution.md");
const AWARD_NOTICE: &str = include_str!("../../../../templates/document/avis-attribution.md");
/// Parts shared by the DCE and the award letters, so that both say the same.
const PARTIALS: [(&str, &str); 3] = [
    (
        "_pieces-attributaire.md",
        include_str!("../../../../templates/document/_pieces-attributaire.md"),
    ),
    (
        "_tribunal.md",
        include_str!("../../../../templates/document/_tribunal.md"),
    ),
    (
        "_recours.md",
        include_str!("../../../../templates/document/_recours.md"),
    ),
];

/// The bundled templates, by the name `render` takes.
#[derive(Clone, Copy)]
pub enum Template {
    Dce,
    ResponseFrames,
    Notice,
    /// The price schedule (`compose::prices`).
    Prices,
    /// The review sheet for the adviser (`compose::review`).
    Review,
    /// The analysis of the offers (`compose::award`).
    AwardReport,
    /// One letter to a bidder whose offer is not kept.
    Rejection,
    /// The letter to the winner of a lot.
    AwardLetter,
    /// The award notice.
    AwardNotice,
}

/// Renders a template with the dossier as `d` and `extra` as further variables.
pub fn render(template: Template, dossier: &Dossier, extra: Value) -> Result<String, Error> {
    let env = environment()?;
    let name = match template {
        Template::Dce => "dce.md",
        Template::ResponseFrames => "cadre-reponse.md",
        Template::Notice => "avis.md",
        Template::Prices => "prix.md",
        Template::Review => "relecture.md",
        Template::AwardReport => "rapport.md",
        Template::Rejection => "rejet.md",
        Template::AwardLetter => "attribution.md",
        Template::AwardNotice => "avis-attribution.md",
    };
    let ctx = minijinja::context! { d => Value::from(minijinja::value::Serde(dossier)), ..extra };
    env.get_template(name)?.render(ctx)
}

fn environment() -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    // A misspelt variable in the template must fail the tests, not print nothing.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()?,
    );
    env.set_formatter(|out, _state, value| {
        let text = if value.is_none() {
            String::new()
        } else {
            value.to_string()
        };
        if value.is_safe() {
            out.write_str(&text)
        } else {
            out.write_str(&escape_markdown(&text))
        }
        .map_err(Error::from)
    });
    env.add_filter("money", |cents: i64| french::money_ht(cents));
    env.add_filter("date", |s: String| parse::<NaiveDate>(&s).map(french::date));
    env.add_filter("datetime", |s: String| {
        parse::<NaiveDateTime>(&s).map(french::datetime)
    });
    env.add_filter("or_missing", |s: Value| {
        if s.is_none() || s.is_undefined() || s.to_string().trim().is_empty() {
            Value::from(MISSING)
        } else {
            s
        }
    });
    env.add_filter("nature", |v: Value| label(v, labels::nature));
    env.add_filter("ccag", |v: Value| label(v, labels::ccag));
    env.add_filter("ccag_short", |v: Value| label(v, labels::ccag_short));
    env.add_filter("price_form", |v: Value| label(v, labels::price_form));
    env.add_filter("notice_channel", |v: Value| {
        label(v, labels::notice_channel)
    });
    // Table cells and list items are one line: a newline typed by the user would end them.
    env.add_filter("oneline", |s: String| {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    });
    env.add_filter("thousands", |n: u64| french::group_thousands(n));
    env.add_template("dce.md", DCE)?;
    env.add_template("cadre-reponse.md", FRAMES)?;
    env.add_template("avis.md", NOTICE)?;
    env.add_template("prix.md", PRICES)?;
    env.add_template("relecture.md", REVIEW)?;
    env.add_template("rapport.md", AWARD_REPORT)?;
    env.add_template("rejet.md", REJECTION)?;
    env.add_template("attribution.md", AWARD_LETTER)?;
    env.add_template("avis-attribution.md", AWARD_NOTICE)?;
    for (name, source) in PARTIALS {
        env.add_template(name, source)?;
    }
    Ok(env)
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, Error> {
    s.parse()
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, format!("not a date: {s}")))
}

/// Maps a serialised enum value back to its type and then to its French label.
fn label<T: serde::de::DeserializeOwned>(
    v: Value,
    f: fn(T) -> &'static str,
) -> Result<String, Error> {
    let t: T =
        serde_json::from_value(serde_json::to_value(&v).map_err(bad_value)?).map_err(bad_value)?;
    Ok(f(t).to_string())
}

fn bad_value(e: serde_json::Error) -> Error {
    Error::new(ErrorKind::InvalidOperation, e.to_string())
}

/// Backslash-escapes the characters Markdown would interpret, so a value
/// the user typed (« 3 * 2 », « #1 », « [lot] ») prints as typed.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '+'
                | '-'
                | '.'
                | '!'
                | '|'
                | '~'
                | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
