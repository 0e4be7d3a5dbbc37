//! The value of one YAML scalar: text, or a null, boolean or number by the YAML 1.2 core schema,
//! as `tree.rs` reads it from the parser's events.

use std::borrow::Cow;

use granit_parser::{ScalarStyle, Tag};

use super::Value;

/// A scalar's value. Quoted and block scalars are text; a plain scalar is typed by the YAML 1.2
/// core schema, with three choices of ours that JSON shares: only `true` and `false` are booleans
/// (`yes` is text), a decimal with a leading zero (`010`) stays text rather than becoming 8 or 10,
/// and `.inf`, `.nan` or `1e400` are numbers that validation refuses with their position.
pub(super) fn scalar(text: Cow<'_, str>, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let core = tag.and_then(Tag::core_suffix);
    // `!` alone marks text, as `!!str` does.
    let text_tag =
        core == Some("str") || tag.is_some_and(|t| t.handle().is_empty() && t.suffix() == "!");
    if text_tag || (style != ScalarStyle::Plain && core.is_none()) {
        return Value::Text(text.into());
    }
    match typed(&text) {
        Some(Value::Int(n)) if core == Some("float") => Value::Float(n as f64),
        Some(value) => value,
        None => Value::Text(text.into()),
    }
}

/// The core-schema type of a plain scalar, if it is not text.
fn typed(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Some(Value::Float(f64::INFINITY));
        }
        "-.inf" | "-.Inf" | "-.INF" => return Some(Value::Float(f64::NEG_INFINITY)),
        ".nan" | ".NaN" | ".NAN" => return Some(Value::Float(f64::NAN)),
        _ => {}
    }
    let first = *text.as_bytes().first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(hex) = unsigned.strip_prefix("0x") {
        return radix(text, hex, 16);
    }
    if let Some(octal) = unsigned.strip_prefix("0o") {
        return radix(text, octal, 8);
    }
    let digits = unsigned.bytes().all(|b| b.is_ascii_digit());
    if digits && !unsigned.is_empty() {
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return None; // `010`: text, as written
        }
        return Some(match text.parse::<i64>() {
            Ok(n) => Value::Int(n),
            // A decimal past i64 is only ever out of range: kept as a number all the same, for
            // validation to refuse as too large (hexadecimal and octal past it stay text).
            Err(_) => Value::Float(text.parse().ok()?),
        });
    }
    is_float(unsigned)
        .then(|| text.parse().ok().map(Value::Float))
        .flatten()
}

fn radix(text: &str, digits: &str, radix: u32) -> Option<Value> {
    if digits.starts_with(['+', '-']) {
        return None; // `0x-1`: text
    }
    let n = i64::from_str_radix(digits, radix).ok()?;
    Some(Value::Int(if text.starts_with('-') {
        n.checked_neg()?
    } else {
        n
    }))
}

/// `1.5`, `.5`, `5.`, `1e3`, `2.5E-3`: the core schema's float forms, without the sign.
fn is_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok && (mantissa.contains('.') || exponent.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Limits;

    fn value(text: &str) -> Value {
        match crate::catalogue::yaml::parse(&format!("a: {text}\n"), &Limits::default())
            .map(|n| n.value)
        {
            Ok(Value::Map(entries)) => entries.into_vec().remove(0).value.value,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn plain_scalars_take_the_core_schema_types_and_the_rest_is_text() {
        for (text, expected) in [
            ("~", Value::Null),
            ("", Value::Null),
            ("True", Value::Bool(true)),
            ("-7", Value::Int(-7)),
            ("+5", Value::Int(5)),
            ("0o17", Value::Int(15)),
            ("-0x1f", Value::Int(-31)),
            ("0", Value::Int(0)),
            ("2.5", Value::Float(2.5)),
            (".5", Value::Float(0.5)),
            ("1e3", Value::Float(1000.0)),
            ("-.inf", Value::Float(f64::NEG_INFINITY)),
            ("9223372036854775808", Value::Float(9.223372036854776e18)),
        ] {
            assert_eq!(value(text), expected, "{text}");
        }
        for text in [
            "yes", "010", "0X1F", "1_000", "1.2.3", "e3", "-x", ".", "v1", "'5'", "\"true\"",
            "!!str 5", "! 5", "|\n  5",
        ] {
            assert!(
                matches!(value(text), Value::Text(_)),
                "{text}: {:?}",
                value(text)
            );
        }
        for text in [
            "0x-1",
            "0o+7",
            "-0x-8000000000000000",
            "-0x8000000000000000",
        ] {
            assert!(
                matches!(value(text), Value::Text(_)),
                "{text}: {:?}",
                value(text)
            );
        }
        assert_eq!(value("-0x7fffffffffffffff"), Value::Int(-i64::MAX));
        assert_eq!(value("!!float 5"), Value::Float(5.0));
        assert_eq!(value("!!int \"5\""), Value::Int(5));
        assert_eq!(value("!custom 5"), Value::Int(5));
    }
}
