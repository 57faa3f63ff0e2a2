// @vitest-environment node
// schema.ts is generated from the server's OpenAPI fragments; this fails when a fragment
// changed and the types were not regenerated (`npm run openapi-types`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, fragmentPaths, generate, mergeDocument } from '../../scripts/openapi-types.mjs';
import { organizationKindValues, peopleTransferStatusValues } from './schema';

describe('generated API types', () => {
  it('are current with the server’s OpenAPI fragments', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    // toBe on the whole text would print 4,000 lines; say which file to regenerate instead.
    const fresh = await generate();
    expect(committed === fresh, 'src/api/schema.ts is stale: run `npm run openapi-types`').toBe(true);
  }, 30_000);

  it('merge the base document with every module fragment as the server does', () => {
    const paths = fragmentPaths();
    expect(paths[0]).toBe('app/openapi.json');
    expect(paths).toContain('modules/organizations/openapi.json');
    const doc = mergeDocument() as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.paths).toHaveProperty(['/api/v1/health']);
    expect(doc.paths).toHaveProperty(['/api/v1/organizations/{id}']);
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.schemas).toHaveProperty('Organization');
  });

  it('carry the closed lists as values', () => {
    expect(organizationKindValues).toContain('working_committee');
    expect(peopleTransferStatusValues).toEqual(['pending', 'accepted', 'rejected', 'cancelled']);
  });
});
