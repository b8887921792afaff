//! Pages of a long list: the UI asks for the rows it shows (`offset`, `limit`), the core sorts
//! and filters in SQL and answers with those rows and how many there are in all, so no screen's
//! cost grows with the register beyond what it shows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most rows one page holds, whatever is asked: a window of a list, not the list.
pub const MAX_PAGE_ROWS: u32 = 500;

/// Which rows of a list to answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageRequest {
    /// The index of the first row (0 for the first).
    #[serde(default)]
    pub offset: u32,
    /// How many rows, at most [`MAX_PAGE_ROWS`].
    pub limit: u32,
}

impl PageRequest {
    /// The first `limit` rows.
    pub fn first(limit: u32) -> PageRequest {
        PageRequest { offset: 0, limit }
    }

    /// The limit held to [`MAX_PAGE_ROWS`].
    pub fn limit(self) -> u32 {
        self.limit.min(MAX_PAGE_ROWS)
    }

    /// The rows of this page out of a list already in memory.
    pub fn cut<T>(self, rows: Vec<T>) -> Page<T> {
        let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let rows = rows
            .into_iter()
            .skip(self.offset as usize)
            .take(self.limit() as usize)
            .collect();
        Page {
            total,
            offset: self.offset,
            rows,
        }
    }
}

/// Some rows of a list, and how many rows the whole list has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Page<T> {
    /// How many rows the whole list (with its filters) has.
    pub total: u32,
    /// The index of the first row of `rows` in the whole list.
    pub offset: u32,
    pub rows: Vec<T>,
}

/// How the organisation list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OrgSort {
    #[default]
    Name,
    ShortName,
    /// By the kind's name in the user's language, then by name.
    Kind,
}

/// How the list of people is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PersonSort {
    #[default]
    Name,
    /// By the organisation's name, then by name.
    Organisation,
    Title,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_cut_from_a_list_keeps_the_total_and_holds_the_limit() {
        let page = PageRequest {
            offset: 2,
            limit: 3,
        }
        .cut((0..10).collect());
        assert_eq!(
            page,
            Page {
                total: 10,
                offset: 2,
                rows: vec![2, 3, 4]
            }
        );
        let past = PageRequest {
            offset: 20,
            limit: 3,
        }
        .cut((0..10).collect::<Vec<i32>>());
        assert_eq!((past.total, past.rows.len()), (10, 0));
        let huge = PageRequest {
            offset: 0,
            limit: 100_000,
        }
        .cut((0..1000).collect::<Vec<i32>>());
        assert_eq!(huge.rows.len(), MAX_PAGE_ROWS as usize);
    }
}
