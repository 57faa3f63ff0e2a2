import { describe, expect, it } from 'vitest';
import { acceptedFile, commitChoices, errorRows, isRunning, progressPercent } from './data';

describe('import data', () => {
  it('knows when to keep polling', () => {
    expect(isRunning('validating')).toBe(true);
    expect(isRunning('importing')).toBe(true);
    expect(isRunning('validated')).toBe(false);
  });

  it('computes progress of the running step', () => {
    expect(progressPercent({ status: 'validating', processed_rows: 5, total_rows: 20 })).toBe(25);
    expect(progressPercent({ status: 'importing', processed_rows: 5, total_rows: 20, importing_rows: 10 })).toBe(50);
    expect(progressPercent({ status: 'validated', processed_rows: 0, total_rows: 0 })).toBe(100);
    expect(progressPercent({ status: 'validating', processed_rows: 0, total_rows: 0 })).toBe(0);
  });

  it('offers "all" only without errors and "valid only" only with both', () => {
    expect(commitChoices({ status: 'validated', valid_rows: 3, error_rows: 0 })).toEqual({ all: true, validOnly: false });
    expect(commitChoices({ status: 'validated', valid_rows: 3, error_rows: 2 })).toEqual({ all: false, validOnly: true });
    expect(commitChoices({ status: 'validated', valid_rows: 0, error_rows: 2 })).toEqual({ all: false, validOnly: false });
    expect(commitChoices({ status: 'validating', valid_rows: 3, error_rows: 0 })).toEqual({ all: false, validOnly: false });
  });

  it('orders errors by line and column and names the column', () => {
    const rows = errorRows([
      { line: 4, column: 'F', header: '身份证号码', field: 'identity_number', message: 'b' },
      { line: 3, column: null, header: null, field: null, message: 'a' },
    ]);
    expect(rows.map((r) => [r.line, r.place])).toEqual([
      [3, ''],
      [4, 'F (身份证号码)'],
    ]);
  });

  it('accepts .xlsx and .csv', () => {
    expect(acceptedFile('people.XLSX')).toBe(true);
    expect(acceptedFile('a.csv')).toBe(true);
    expect(acceptedFile('a.xls')).toBe(false);
  });
});
