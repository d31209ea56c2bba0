// Builds what people host, from index.html, www/ and the wasm in www/pkg/ (build_wasm first):
//
//   dist/index.html, dist/www/…   static files with relative paths: upload the folder under any
//                                 sub-path of any static host. One minified JS bundle (the page's
//                                 modules and the wasm-bindgen glue), minified CSS, the wasm.
//   dist/descenso.html            one self-contained file: CSS, JS and the wasm (base64) inline,
//                                 for an LMS that takes a single file, or to open from disk
//                                 (file://). Its Content-Security-Policy allows its one inline
//                                 script and its one inline style by SHA-256 hash.
//
// Usage: node scripts/dist.mjs   (scripts/dist.sh builds the wasm, then runs this)
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const DIST = join(ROOT, 'dist');
const WWW = join(ROOT, 'www');
const read = (path) => readFileSync(path, 'utf8');
const TARGET = ['chrome110', 'firefox115', 'safari16'];

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

/** Replaces `pattern` in `text`, failing if it is not there (so a changed index.html is noticed). */
function replace(text, pattern, by) {
  if (!pattern.test(text)) fail(`index.html no longer matches ${pattern}`);
  return text.replace(pattern, by);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

async function bundle(format, define = {}, entry = 'main.js') {
  return (await bundleFiles(format, define, entry))[0].text;
}

/** The bundle of `entry`, and for ESM the chunks it loads on demand (Spanish strings). */
async function bundleFiles(format, define = {}, entry = 'main.js') {
  const out = await build({
    entryPoints: [join(WWW, entry)],
    bundle: true,
    format,
    splitting: format === 'esm',
    outdir: join(DIST, 'www'),
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    minify: true,
    target: TARGET,
    define,
    write: false,
    legalComments: 'none',
    logLevel: 'error',
    // The glue's default wasm URL (import.meta.url) is never used by the single file, which
    // passes the bytes itself.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return out.outputFiles.map((f) => ({ name: f.path.slice(join(DIST, 'www').length + 1), text: f.text }));
}

const wasm = readFileSync(join(WWW, 'pkg', 'descenso_bg.wasm'));
const labWasm = readFileSync(join(WWW, 'pkg-lab', 'descenso_bg.wasm'));
const css = (await transform(read(join(WWW, 'style.css')), { loader: 'css', minify: true, target: TARGET })).code.trim();
const favicon = read(join(WWW, 'favicon.svg'));
const index = read(join(ROOT, 'index.html'));

rmSync(DIST, { recursive: true, force: true });
mkdirSync(join(DIST, 'www'), { recursive: true });

// ---- dist/: the folder ----------------------------------------------------------------------
// Same layout as the repository (index.html beside www/), so every path stays relative. The
// bundle sits in www/ next to the wasm, where the glue looks for it (import.meta.url).
let page = index.replace(/\n\s*<link rel="modulepreload"[^>]*>/g, '');
page = replace(page, /href="www\/pkg\/descenso_bg\.wasm"/, 'href="www/descenso_bg.wasm"');
// Indentation and line breaks between tags carry nothing (no <pre> holds text in the markup).
const squeeze = (html) => html.replace(/\n\s*/g, '\n').replace(/>\n</g, '><');
// The wasm sits beside the bundles; the basin workers are a second bundle, loaded when used.
const urls = { DESCENSO_WASM_URL: '"descenso_bg.wasm"', DESCENSO_LAB_WASM_URL: '"descenso_lab_bg.wasm"', DESCENSO_WORKER_URL: '"basins-worker.js"' };
const files = await bundleFiles('esm', urls);
for (const f of files) writeFileSync(join(DIST, 'www', f.name), f.text);
// The chunks the bundle imports statically (the page's modules the lab shares) load beside it,
// not after it: preloaded.
const shared = files.filter((f) => /^chunk-[^/]*\.js$/.test(f.name) && read(join(DIST, 'www', 'main.js')).includes(`./${f.name}`));
const preloads = shared.map((f) => `<link rel="modulepreload" href="www/${f.name}">`).join('\n');
page = replace(page, /<script type="module" src="www\/main\.js"><\/script>/, (tag) => `${preloads}\n${tag}`);
writeFileSync(join(DIST, 'index.html'), squeeze(page));
writeFileSync(join(DIST, 'www', 'basins-worker.js'), await bundle('esm', {}, 'basins-worker.js'));
writeFileSync(join(DIST, 'www', 'style.css'), `${css}\n`);
writeFileSync(join(DIST, 'www', 'favicon.svg'), favicon);
copyFileSync(join(WWW, 'pkg', 'descenso_bg.wasm'), join(DIST, 'www', 'descenso_bg.wasm'));
copyFileSync(join(WWW, 'pkg-lab', 'descenso_bg.wasm'), join(DIST, 'www', 'descenso_lab_bg.wasm'));

// ---- dist/descenso.html: one file -----------------------------------------------------------
// The workers run from a blob: URL of their own bundle's text (CSP: worker-src blob:), and
// compile nothing: the page posts them the module it compiled.
const worker = await bundle('iife', {}, 'basins-worker.js');
const script = await bundle('iife', {
  DESCENSO_WASM_BASE64: JSON.stringify(wasm.toString('base64')),
  DESCENSO_LAB_WASM_BASE64: JSON.stringify(labWasm.toString('base64')),
  DESCENSO_WORKER_SOURCE: JSON.stringify(worker),
});
if (/<\/script|<!--/i.test(script)) fail('the inline script contains "</script" or "<!--"');
if (/<\/style/i.test(css)) fail('the inline style contains "</style"');
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'img-src data: blob:',
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
let single = index;
single = replace(single, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
single = replace(single, /\n\s*<link rel="(modulepreload|preload)"[^>]*>/g, '');
single = replace(single, /<link rel="icon" href="www\/favicon\.svg"/, `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(favicon)}"`);
single = replace(single, /<link rel="stylesheet" href="www\/style\.css">/, () => '<style>@@STYLE@@</style>');
single = replace(single, /\n\s*<script type="module" src="www\/main\.js"><\/script>/, '');
single = replace(single, /<\/body>/, () => '<script>@@SCRIPT@@</script>\n</body>');
// The markup is squeezed like dist/index.html; the style and script go in untouched (their
// hashes are of their exact text).
single = squeeze(single)
  .replace('@@STYLE@@', () => css)
  .replace('@@SCRIPT@@', () => script);
writeFileSync(join(DIST, 'descenso.html'), single);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text) => kb(gzipSync(text, { level: 9 }).length);
console.log(`dist/www/main.js      ${gz(read(join(DIST, 'www', 'main.js')))} gzip`);
console.log(`dist/www/descenso_bg.wasm ${gz(wasm)} gzip`);
console.log(`dist/descenso.html    ${kb(Buffer.byteLength(single))} (${gz(single)} gzip), self-contained`);
