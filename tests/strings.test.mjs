// Both languages, completely: every error code the core can throw (crate/src/error.rs) has a
// Spanish wording, so that no English sentence from the core reaches a Spanish page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { ES } from '../www/i18n-es.js';

test('every error code of the core has a Spanish wording', async () => {
  const source = readFileSync(join(ROOT, 'crate', 'src', 'error.rs'), 'utf8');
  const codes = [...source.matchAll(/(?:Why|Error)::\w+(?:\s*\{ \.\. \}|\([^)]*\))? => "([a-z0-9-]+)"/g)].map((m) => m[1]);
  assert.ok(codes.length >= 20, `codes found: ${codes}`);
  // (Errors only the lab's panels meet are worded with the lab's strings.)
  const { LAB_STRINGS } = await import('../www/i18n-lab.js');
  const missing = codes.filter((c) => !(`err_${c}` in ES) && !(`err_${c}` in LAB_STRINGS.es));
  assert.deepEqual(missing, []);
});

test('every sentence the core says has its words in both languages', async () => {
  const { t } = await import('../www/i18n.js');
  const { LAB_STRINGS } = await import('../www/i18n-lab.js');
  const said = new Set();
  for (const file of ['text.rs', 'figures.rs', 'lab.rs']) {
    const source = readFileSync(join(ROOT, 'crate', 'src', 'session', file), 'utf8');
    // Keys written whole: say(&["key"], …), say("key", …) through a closure, and the lists of
    // labels a figure asks for (keys built from a name, such as `regime_<name>`, are checked
    // by the page's own tests in both languages).
    for (const m of source.matchAll(/say\((?:&\[)?"([A-Za-z_]*[A-Za-z])"/g)) said.add(m[1]);
    for (const list of source.matchAll(/let (?:text|keys) = \[([^\]]*)\]/g)) for (const m of list[1].matchAll(/"([A-Za-z_]+)"/g)) said.add(m[1]);
  }
  assert.ok(said.size >= 35, `keys found: ${[...said]}`);
  const english = [...said].filter((k) => t('en', k) === k && !(k in LAB_STRINGS.en));
  const spanish = [...said].filter((k) => !(k in ES) && !(k in LAB_STRINGS.es));
  assert.deepEqual({ english, spanish }, { english: [], spanish: [] });
});
