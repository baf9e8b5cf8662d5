/**
 * i18n check (run: `npx tsx scripts/check-i18n.ts`). Fails with exit code 1 when
 *  1. a message key exists in one language and not the other, or a message is empty;
 *  2. web UI code (web/src/**\/*.tsx) contains a user-visible literal: JSX text with letters, or a string literal
 *     with letters passed to label / placeholder / title / aria-label / description / alt (and similar) props;
 *  3. web code calls t('some.key') with a literal key that is not in the Vietnamese catalog.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { resources } from '../common/src/i18n/index.js';

const root = resolve(import.meta.dirname, '..');
const problems: string[] = [];

// ---- 1. Catalog parity and empty values -------------------------------------------------------------

type Tree = { [key: string]: unknown };

function flatten(tree: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree as Tree)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, tree);
  }
  return out;
}

const vi = flatten(resources.vi.translation);
const en = flatten(resources.en.translation);

for (const [key, value] of vi) {
  if (!en.has(key)) problems.push(`missing in en: ${key}`);
  if (typeof value !== 'string' || value.trim() === '') problems.push(`empty or not text in vi: ${key}`);
}
for (const [key, value] of en) {
  if (!vi.has(key)) problems.push(`missing in vi: ${key}`);
  if (typeof value !== 'string' || value.trim() === '') problems.push(`empty or not text in en: ${key}`);
}

/** i18next plural forms: `x_one`/`x_other` make `x` a valid key. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const knownKeys = new Set<string>();
for (const key of vi.keys()) {
  knownKeys.add(key);
  knownKeys.add(key.replace(PLURAL_SUFFIX, ''));
}

// ---- 2./3. Literals and unknown keys in web/src ------------------------------------------------------

const TEXT_PROPS = new Set([
  'label',
  'placeholder',
  'title',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'alt',
  'description',
  'error',
  'nothingFoundMessage',
  'tooltip',
]);
const HAS_LETTER = /\p{L}/u;

function listFiles(dir: string, extensions: string[]): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path, extensions));
    else if (extensions.some((extension) => name.endsWith(extension))) files.push(path);
  }
  return files;
}

function position(source: ts.SourceFile, node: ts.Node): string {
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${relative(root, source.fileName)}:${line + 1}:${character + 1}`;
}

function checkFile(path: string): void {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const content = node.getText(source).trim();
      if (content && HAS_LETTER.test(content)) problems.push(`${position(source, node)} JSX text literal: "${content.slice(0, 60)}"`);
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      const init = node.initializer;
      if (TEXT_PROPS.has(name) && init) {
        const literal =
          ts.isStringLiteral(init)
            ? init
            : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
              ? init.expression
              : undefined;
        if (literal && HAS_LETTER.test(literal.text)) {
          problems.push(`${position(source, node)} literal in ${name}=: "${literal.text.slice(0, 60)}"`);
        }
      }
    }
    // JSX expression containing a bare string with letters: <p>{'Hello'}</p>
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && ts.isJsxElement(node.parent)) {
      if (HAS_LETTER.test(node.expression.text)) problems.push(`${position(source, node)} string in JSX: "${node.expression.text.slice(0, 60)}"`);
    }
    // t('literal.key') must name an existing key.
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const isT = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const first = node.arguments[0];
      if (isT && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        if (!knownKeys.has(first.text)) problems.push(`${position(source, node)} unknown message key: ${first.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const webSource = join(root, 'web', 'src');
const files = listFiles(webSource, ['.tsx', '.ts']);
for (const file of files) checkFile(file);

if (problems.length > 0) {
  console.error(`i18n check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`i18n check passed: ${vi.size} keys in vi and en, ${files.length} web files scanned.`);
