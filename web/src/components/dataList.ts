// Column declarations of the list kit: a screen's data.ts lists its columns once and DataList
// draws them as the desktop table and as the phone cards.
import type { RouteLocationRaw } from 'vue-router';

export type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';
export type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * Where a column goes on a phone card: the title line (`title`, then `head` beside it), a
 * muted line of short facts joined by " · " (`meta`), a line of its own with its label
 * (`line`) or without (`text`), or not at all (`none`).
 */
export type CardPlace = 'title' | 'head' | 'meta' | 'line' | 'text' | 'none';

export interface Column<T, C = undefined> {
  /** Stable name; `#cell-<key>` draws the cell instead of `text`/`to`/`tag`. */
  key: string;
  /** i18n key of the header (and of a `line`'s label on a card). */
  label?: string;
  /** The cell's text. */
  text?: (row: T, t: Translate) => string | number | null | undefined;
  /** The text on a phone card where it differs ("Line 4" for a table's "4"). */
  cardText?: (row: T, t: Translate) => string | number | null | undefined;
  /** The cell links there. */
  to?: (row: T) => RouteLocationRaw;
  /** The cell is a tag of this type. */
  tag?: (row: T) => TagType;
  /** data-testid of the cell's content. */
  testid?: string;
  width?: number;
  minWidth?: number;
  /** Where it goes on a phone card ('line' when not given). */
  card?: CardPlace;
  /** The column is shown only when this holds for the list's context (e.g. a subtree list). */
  when?: (context: C) => boolean;
}

export function columnsFor<T, C>(columns: readonly Column<T, C>[], context: C): Column<T, C>[] {
  return columns.filter((c) => !c.when || c.when(context));
}

export interface CardSections<T, C> {
  title: Column<T, C>[];
  meta: Column<T, C>[];
  lines: Column<T, C>[];
}

/** The columns of a phone card by place, in declaration order. */
export function cardSections<T, C>(columns: readonly Column<T, C>[]): CardSections<T, C> {
  const place = (c: Column<T, C>) => c.card ?? 'line';
  return {
    title: columns.filter((c) => place(c) === 'title' || place(c) === 'head'),
    meta: columns.filter((c) => place(c) === 'meta'),
    lines: columns.filter((c) => place(c) === 'line' || place(c) === 'text'),
  };
}

/** A cell's text (on a card when `card`): '' for null and undefined. */
export function cellText<T, C>(column: Column<T, C>, row: T, t: Translate, card = false): string {
  const value = ((card && column.cardText) || column.text)?.(row, t);
  return value === null || value === undefined ? '' : String(value);
}
