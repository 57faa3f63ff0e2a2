import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, i18n, messages } from './index';

type Tree = { [key: string]: unknown };

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') {
      for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('locales', () => {
  const flat = Object.fromEntries(
    SUPPORTED_LOCALES.map((l) => [l, flatten(messages[l] as Tree)]),
  );

  it('defaults to Simplified Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(i18n.global.fallbackLocale.value).toBe('zh-CN');
  });

  it('has the same module files in every locale', () => {
    const modules = SUPPORTED_LOCALES.map((l) => Object.keys(messages[l] ?? {}).sort());
    expect(modules[0].length).toBeGreaterThan(0);
    for (const m of modules) expect(m).toEqual(modules[0]);
  });

  it('has exactly the same keys in zh-CN and en', () => {
    const zh = [...flat['zh-CN'].keys()].sort();
    const en = [...flat.en.keys()].sort();
    expect(zh.filter((k) => !flat.en.has(k))).toEqual([]);
    expect(en.filter((k) => !flat['zh-CN'].has(k))).toEqual([]);
    expect(zh.length).toBeGreaterThan(20);
  });

  it('has a non-empty string for every key', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const [key, value] of flat[locale]) {
        expect(typeof value === 'string' && value.trim() !== '', `${locale}:${key}`).toBe(true);
      }
    }
  });

  it('defines every key the source code names literally', () => {
    const used = new Set<string>();
    const pattern = /(?:\$t|\bt)\(\s*'([A-Za-z0-9_.]+)'/g;
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((k) => SUPPORTED_LOCALES.some((l) => !flat[l].has(k)));
    expect(missing).toEqual([]);
  });

  it('defines every key the field and column declarations and kit props name', () => {
    // `label: 'people.fields.name'` in data.ts, `empty="people.list.empty"` on a DataList, …
    const used = new Set<string>();
    const pattern = /(?<![:\w-])(?:label|hint|placeholder|empty|submit-label|count-label)\s*[:=]\s*['"]([a-z][A-Za-z0-9_]*\.[A-Za-z0-9_.]*[A-Za-z0-9_])['"]/g;
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => SUPPORTED_LOCALES.some((l) => !flat[l].has(k)));
    expect(missing).toEqual([]);
  });
});
