// Types of scripts/openapi-types.mjs for src/api/schema.test.ts.
export const SERVER_SRC: string;
export const SCHEMA_FILE: string;
export function fragmentPaths(root?: string): string[];
export function mergeDocument(root?: string): Record<string, unknown>;
export function generate(root?: string): Promise<string>;
