import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateGuideMarkdown } from './template-guide.js';

const docPath = fileURLToPath(new URL('../../../../docs/import-template.md', import.meta.url));

describe('docs/import-template.md', () => {
  it('documents every column of the template, as the table defines it', () => {
    const expected = templateGuideMarkdown();
    if (process.env.UPDATE_DOCS) writeFileSync(docPath, expected);
    expect(readFileSync(docPath, 'utf8')).toBe(expected);
  });
});
