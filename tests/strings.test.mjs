// Both languages, completely: every error code the core can throw (crate/src/error.rs) has a
// Spanish wording, so that no English sentence from the core reaches a Spanish page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { ES } from '../www/i18n-es.js';

test('every error code of the core has a Spanish wording', () => {
  const source = readFileSync(join(ROOT, 'crate', 'src', 'error.rs'), 'utf8');
  const codes = [...source.matchAll(/(?:Why|Error)::\w+(?:\s*\{ \.\. \}|\([^)]*\))? => "([a-z0-9-]+)"/g)].map((m) => m[1]);
  assert.ok(codes.length >= 20, `codes found: ${codes}`);
  const missing = codes.filter((c) => !(`err_${c}` in ES));
  assert.deepEqual(missing, []);
});
