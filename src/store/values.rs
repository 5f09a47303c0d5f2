//! What crosses between Rust and either engine: columns decoded into
//! values, values bound as parameters, and the few helpers around them.

use crate::error::{Error, Result};

/// A column's place in a row (a `usize`, so `row.get(0)` needs no suffix).
pub trait ColumnIndex {
    fn index(self) -> usize;
}

impl ColumnIndex for usize {
    fn index(self) -> usize {
        self
    }
}

/// A value a column decodes into.
pub trait FromColumn: Sized {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> Result<Self>;
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self>;
}

/// Any PostgreSQL value, only to tell NULL apart.
struct Present;

impl<'a> postgres::types::FromSql<'a> for Present {
    fn from_sql(
        _: &postgres::types::Type,
        _: &'a [u8],
    ) -> std::result::Result<Present, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Present)
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
}

fn pg_is_null(row: &postgres::Row, index: usize) -> Result<bool> {
    Ok(row.try_get::<_, Option<Present>>(index)?.is_none())
}

/// An integer column of any width (and booleans, as 0 and 1).
fn pg_integer(row: &postgres::Row, index: usize) -> Result<i64> {
    use postgres::types::Type;
    let ty = row
        .columns()
        .get(index)
        .map(|c| c.type_().clone())
        .ok_or_else(|| Error::other("database", format!("no column {index}")))?;
    Ok(match ty {
        Type::INT8 => row.try_get::<_, i64>(index)?,
        Type::INT4 => row.try_get::<_, i32>(index)? as i64,
        Type::INT2 => row.try_get::<_, i16>(index)? as i64,
        Type::BOOL => row.try_get::<_, bool>(index)? as i64,
        other => {
            return Err(Error::other(
                "database",
                format!("column {index} is {other}, not an integer"),
            ));
        }
    })
}

trait FromPostgres: Sized {
    fn read(row: &postgres::Row, index: usize) -> Result<Self>;
}

impl FromPostgres for i64 {
    fn read(row: &postgres::Row, index: usize) -> Result<i64> {
        pg_integer(row, index)
    }
}

impl FromPostgres for i32 {
    fn read(row: &postgres::Row, index: usize) -> Result<i32> {
        i32::try_from(pg_integer(row, index)?)
            .map_err(|_| Error::other("database", format!("column {index} is out of range")))
    }
}

impl FromPostgres for u32 {
    fn read(row: &postgres::Row, index: usize) -> Result<u32> {
        u32::try_from(pg_integer(row, index)?)
            .map_err(|_| Error::other("database", format!("column {index} is out of range")))
    }
}

impl FromPostgres for bool {
    fn read(row: &postgres::Row, index: usize) -> Result<bool> {
        Ok(pg_integer(row, index)? != 0)
    }
}

impl FromPostgres for String {
    fn read(row: &postgres::Row, index: usize) -> Result<String> {
        Ok(row.try_get::<_, String>(index)?)
    }
}

impl FromPostgres for f64 {
    fn read(row: &postgres::Row, index: usize) -> Result<f64> {
        match row.try_get::<_, f64>(index) {
            Ok(value) => Ok(value),
            Err(_) => Ok(pg_integer(row, index)? as f64),
        }
    }
}

macro_rules! from_column {
    ($($t:ty),*) => {$(
        impl FromColumn for $t {
            fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> Result<Self> {
                Ok(row.get(index)?)
            }
            fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self> {
                if pg_is_null(row, index)? {
                    return Err(Error::other(
                        "corrupt",
                        format!("column {index} is NULL where a value belongs"),
                    ));
                }
                <$t as FromPostgres>::read(row, index)
            }
        }
        impl FromColumn for Option<$t> {
            fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> Result<Self> {
                Ok(row.get(index)?)
            }
            fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self> {
                if pg_is_null(row, index)? {
                    return Ok(None);
                }
                <$t as FromPostgres>::read(row, index).map(Some)
            }
        }
    )*};
}
from_column!(i64, i32, u32, bool, String, f64);

/// A value a statement takes.
pub trait ToParam {
    fn sqlite(&self) -> &dyn rusqlite::ToSql;
    fn postgres(&self) -> PgValue<'_>;
}

/// A parameter for PostgreSQL, written as the type the server expects
/// there (PostgreSQL does not convert an INT8 into an INT4 parameter).
#[derive(Debug)]
pub enum PgValue<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
}

impl postgres::types::ToSql for PgValue<'_> {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>
    {
        use postgres::types::Type;
        match self {
            PgValue::Null => Ok(postgres::types::IsNull::Yes),
            PgValue::Integer(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(*v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*v)?.to_sql(ty, out),
                Type::BOOL => (*v != 0).to_sql(ty, out),
                Type::FLOAT8 => (*v as f64).to_sql(ty, out),
                _ => v.to_string().as_str().to_sql(ty, out),
            },
            PgValue::Real(v) => match *ty {
                Type::FLOAT4 => (*v as f32).to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            PgValue::Text(text) => text.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

trait ToPostgres {
    fn value(&self) -> PgValue<'_>;
}

impl ToPostgres for i64 {
    fn value(&self) -> PgValue<'_> {
        PgValue::Integer(*self)
    }
}

impl ToPostgres for i32 {
    fn value(&self) -> PgValue<'_> {
        PgValue::Integer(*self as i64)
    }
}

impl ToPostgres for u32 {
    fn value(&self) -> PgValue<'_> {
        PgValue::Integer(*self as i64)
    }
}

impl ToPostgres for bool {
    fn value(&self) -> PgValue<'_> {
        PgValue::Integer(*self as i64)
    }
}

impl ToPostgres for f64 {
    fn value(&self) -> PgValue<'_> {
        PgValue::Real(*self)
    }
}

impl ToPostgres for String {
    fn value(&self) -> PgValue<'_> {
        PgValue::Text(self)
    }
}

impl ToPostgres for &str {
    fn value(&self) -> PgValue<'_> {
        PgValue::Text(self)
    }
}

macro_rules! to_param {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn sqlite(&self) -> &dyn rusqlite::ToSql {
                self
            }
            fn postgres(&self) -> PgValue<'_> {
                self.value()
            }
        }
        impl ToParam for Option<$t> {
            fn sqlite(&self) -> &dyn rusqlite::ToSql {
                self
            }
            fn postgres(&self) -> PgValue<'_> {
                self.as_ref().map_or(PgValue::Null, |v| v.value())
            }
        }
    )*};
}
to_param!(i64, i32, u32, bool, String, f64, &str);

impl<T: ToParam + ?Sized> ToParam for &T {
    fn sqlite(&self) -> &dyn rusqlite::ToSql {
        (**self).sqlite()
    }
    fn postgres(&self) -> PgValue<'_> {
        (**self).postgres()
    }
}

/// Parameters as rusqlite takes them.
pub enum SqliteParams<'p> {
    Positional(Vec<&'p dyn rusqlite::ToSql>),
    Named(Vec<(&'p str, &'p dyn rusqlite::ToSql)>),
}

/// What a statement is given: positional values (an array, `params![..]`)
/// or `(":name", value)` pairs.
pub trait Params {
    fn sqlite(&self) -> SqliteParams<'_>;
    /// In `$1`, `$2` order; `names` are the statement's `:name`s in that
    /// order (named parameters only).
    fn postgres(&self, names: &[String]) -> Result<Vec<PgValue<'_>>>;
}

/// `[]`: no parameters.
impl Params for [&dyn ToParam; 0] {
    fn sqlite(&self) -> SqliteParams<'_> {
        SqliteParams::Positional(Vec::new())
    }
    fn postgres(&self, _: &[String]) -> Result<Vec<PgValue<'_>>> {
        Ok(Vec::new())
    }
}

// Arrays of one type, of the lengths statements have (as rusqlite does: a
// generic length would take `[]` too, and leave its type unknown).
macro_rules! array_params {
    ($($n:literal),*) => {$(
        impl<T: ToParam> Params for [T; $n] {
            fn sqlite(&self) -> SqliteParams<'_> {
                SqliteParams::Positional(self.iter().map(|v| v.sqlite()).collect())
            }
            fn postgres(&self, _: &[String]) -> Result<Vec<PgValue<'_>>> {
                Ok(self.iter().map(|v| v.postgres()).collect())
            }
        }
    )*};
}
array_params!(1, 2, 3, 4, 5, 6, 7, 8);

impl Params for &[&dyn ToParam] {
    fn sqlite(&self) -> SqliteParams<'_> {
        SqliteParams::Positional(self.iter().map(|v| v.sqlite()).collect())
    }
    fn postgres(&self, _: &[String]) -> Result<Vec<PgValue<'_>>> {
        Ok(self.iter().map(|v| v.postgres()).collect())
    }
}

impl Params for &[(&str, &dyn ToParam)] {
    fn sqlite(&self) -> SqliteParams<'_> {
        SqliteParams::Named(self.iter().map(|(n, v)| (*n, v.sqlite())).collect())
    }
    fn postgres(&self, names: &[String]) -> Result<Vec<PgValue<'_>>> {
        names
            .iter()
            .map(|name| {
                self.iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.postgres())
                    .ok_or_else(|| Error::other("database", format!("no value for {name}")))
            })
            .collect()
    }
}

/// `params![a, b, c]`: positional values of any types.
#[macro_export]
macro_rules! db_params {
    () => {
        &[] as &[&dyn $crate::store::db::ToParam]
    };
    ($($value:expr),+ $(,)?) => {
        &[$(&$value as &dyn $crate::store::db::ToParam),+] as &[&dyn $crate::store::db::ToParam]
    };
}
pub use crate::db_params as params;

const NO_ROW: &str = "no_row";

/// What `query_row` says when there is no row: `optional()` turns it into
/// `None`; anywhere else it means a row the portal should hold is missing.
pub fn no_row() -> Error {
    Error::other(
        NO_ROW,
        "the portal database lacks a row it should hold: restore it from a backup",
    )
}

/// `.optional()`: a query that found no row is `None`, not an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.code() == NO_ROW => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Any value a column holds, for copying rows whatever their table
/// (`migrate`).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

impl FromColumn for Value {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> Result<Value> {
        use rusqlite::types::ValueRef;
        Ok(match row.get_ref(index)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(v) => Value::Integer(v),
            ValueRef::Real(v) => Value::Real(v),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(_) => {
                return Err(Error::other(
                    "corrupt",
                    format!("column {index} holds bytes where the portal keeps none"),
                ));
            }
        })
    }

    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Value> {
        use postgres::types::Type;
        if pg_is_null(row, index)? {
            return Ok(Value::Null);
        }
        let ty = row.columns()[index].type_().clone();
        Ok(match ty {
            Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL => {
                Value::Integer(pg_integer(row, index)?)
            }
            Type::FLOAT8 | Type::FLOAT4 => Value::Real(f64::read(row, index)?),
            _ => Value::Text(row.try_get::<_, String>(index)?),
        })
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Integer(v) => ValueRef::Integer(*v),
            Value::Real(v) => ValueRef::Real(*v),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
        }))
    }
}

impl ToParam for Value {
    fn sqlite(&self) -> &dyn rusqlite::ToSql {
        self
    }

    fn postgres(&self) -> PgValue<'_> {
        match self {
            Value::Null => PgValue::Null,
            Value::Integer(v) => PgValue::Integer(*v),
            Value::Real(v) => PgValue::Real(*v),
            Value::Text(t) => PgValue::Text(t),
        }
    }
}
