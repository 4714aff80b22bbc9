//! Reading columns that the records hold as narrower types than SQL's 64-bit integers.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::StoreError;

pub(crate) fn u32_column(row: &AnyRow, column: &'static str) -> Result<u32, StoreError> {
    let value: i64 = row.try_get(column)?;
    u32::try_from(value).map_err(|_| StoreError::OutOfRange { column, value })
}

pub(crate) fn optional_u32_column(
    row: &AnyRow,
    column: &'static str,
) -> Result<Option<u32>, StoreError> {
    let value: Option<i64> = row.try_get(column)?;
    value
        .map(|value| u32::try_from(value).map_err(|_| StoreError::OutOfRange { column, value }))
        .transpose()
}
