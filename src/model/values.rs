//! The two value types every document uses: exact money and calendar dates.
//!
//! Money is `rust_decimal::Decimal` in yuan, read exactly from a JSON string or
//! number (serde_json's `arbitrary_precision` keeps a number's literal text, so no
//! binary floating point is ever involved) and written as a string. Dates are
//! ISO `YYYY-MM-DD`, strictly: `2025-2-3` and `2025-02-30` are refused.

use super::decl::{Describe, Type};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// An amount in yuan (元), exact, never negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses `"4999999.99"`, `"5000000"`, `"5e6"` exactly.
    pub fn parse(text: &str) -> Result<Money, String> {
        let valid_chars = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
        if !valid_chars {
            return Err(format!("`{text}` is not a decimal amount in yuan"));
        }
        let parsed = if text.contains(['e', 'E']) {
            Decimal::from_scientific(text)
        } else {
            Decimal::from_str_exact(text)
        };
        let amount = parsed.map_err(|_| {
            format!(
                "`{text}` is not an exact decimal amount in yuan (at most 28 significant digits)"
            )
        })?;
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(format!(
                "amount `{text}` is negative; money must be zero or more"
            ));
        }
        Ok(Money(amount.abs()))
    }

    /// `4,999,999.99` — grouped, two decimals, for messages.
    pub fn display(self) -> String {
        let rounded = self.0.round_dp(2);
        let text = format!("{rounded:.2}");
        let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{grouped}.{frac}")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in yuan as a decimal string or number")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Money, E> {
                Money::parse(text.trim()).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Money, E> {
                Ok(Money(Decimal::from(n)))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Money, E> {
                Money::parse(&n.to_string()).map_err(E::custom)
            }
            // With `arbitrary_precision` a JSON number arrives as serde_json's
            // private one-entry map holding its literal text: read it exactly.
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Money, A::Error> {
                let n = serde_json::Number::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map_err(|_: A::Error| de::Error::invalid_type(de::Unexpected::Map, &self))?;
                Money::parse(&n.to_string()).map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A whole number in the range of `T`, read from a JSON integer: a fraction
/// (`12.5`, `12.0`), an exponent or a number out of range is an error in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Whole<T>(pub T);

/// The integer types a [`Whole`] may hold.
pub trait Integer: Copy + TryFrom<i128> + Into<i128> {
    const MIN: i128;
    const MAX: i128;
}

macro_rules! integer {
    ($($t:ty),+) => {
        $(impl Integer for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
        })+
    };
}
integer!(u8, u32, i32);

impl<T: Serialize> Serialize for Whole<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Integer> Deserialize<'de> for Whole<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<T: Integer> V<T> {
            fn fit<E: de::Error>(text: &str) -> Result<Whole<T>, E> {
                text.parse::<i128>()
                    .ok()
                    .and_then(|n| T::try_from(n).ok())
                    .map(Whole)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "`{text}` is not a whole number in the accepted range ({} to {})",
                            T::MIN,
                            T::MAX
                        ))
                    })
            }
        }
        impl<'de, T: Integer> Visitor<'de> for V<T> {
            type Value = Whole<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a whole number from {} to {}", T::MIN, T::MAX)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Whole<T>, E> {
                Self::fit(&n.to_string())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Whole<T>, E> {
                Self::fit(&n.to_string())
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Whole<T>, E> {
                Self::fit(&n.to_string())
            }
            // `arbitrary_precision`: the number's literal text.
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Whole<T>, A::Error> {
                let n = serde_json::Number::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map_err(|_: A::Error| de::Error::invalid_type(de::Unexpected::Map, &self))?;
                Self::fit(&n.to_string())
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<T: Integer> Describe for Whole<T> {
    fn describe() -> Type {
        Type::Integer {
            min: T::MIN as i64,
            max: T::MAX as i64,
        }
    }
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// The placeholder of a required date that has not been read (never seen in a
    /// document that was read successfully).
    pub const UNSET: Date = Date(NaiveDate::MIN);

    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Strict ISO date: exactly `YYYY-MM-DD`, and a day that exists.
    pub fn parse(text: &str) -> Result<Date, String> {
        let b = text.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        }
        let year: i32 = text[0..4]
            .parse()
            .map_err(|_| format!("`{text}` has no valid year"))?;
        let month: u32 = text[5..7]
            .parse()
            .map_err(|_| format!("`{text}` has no valid month"))?;
        let day: u32 = text[8..10]
            .parse()
            .map_err(|_| format!("`{text}` has no valid day"))?;
        NaiveDate::from_ymd_opt(year, month, day)
            .map(Date)
            .ok_or_else(|| format!("`{text}` is not a real calendar date"))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The same day `months` months later (clamped to the month's end: 01-31 + 1 month = 02-28/29).
    pub fn plus_months(self, months: u32) -> Date {
        self.0
            .checked_add_months(chrono::Months::new(months))
            .map(Date)
            .unwrap_or(self)
    }

    pub fn succ(self) -> Date {
        self.0.succ_opt().map(Date).unwrap_or(self)
    }

    /// Whole months from `self` to `later` (0 if `later` is earlier): the largest `n`
    /// with `self.plus_months(n) <= later`, so the two agree at month ends
    /// (01-31 → 02-28 is one month, as `plus_months` counts it).
    pub fn months_until(self, later: Date) -> u32 {
        let calendar_months =
            (later.0.year() - self.0.year()) * 12 + later.0.month() as i32 - self.0.month() as i32;
        let mut months = calendar_months.max(0) as u32;
        while months > 0 && self.plus_months(months) > later {
            months -= 1;
        }
        months
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Digit by digit: chrono's `format` costs more than the rest of writing a record's dates.
        let (y, m, d) = (self.0.year(), self.0.month(), self.0.day());
        if !(0..=9999).contains(&y) {
            return write!(f, "{}", self.0.format("%Y-%m-%d"));
        }
        let y = y as u32;
        let digits = [
            y / 1000,
            y / 100 % 10,
            y / 10 % 10,
            y % 10,
            10,
            m / 10,
            m % 10,
            10,
            d / 10,
            d % 10,
        ];
        let mut text = [0u8; 10];
        for (byte, digit) in text.iter_mut().zip(digits) {
            *byte = if digit == 10 {
                b'-'
            } else {
                b'0' + digit as u8
            };
        }
        f.write_str(std::str::from_utf8(&text).expect("ASCII digits"))
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date string YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl Describe for Money {
    fn describe() -> Type {
        Type::Money
    }
}

impl Describe for Date {
    fn describe() -> Type {
        Type::Date
    }
}

/// "a string", "a number" …: the JSON kind of a value, for error messages.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
