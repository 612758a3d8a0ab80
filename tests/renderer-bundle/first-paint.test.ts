import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/**
 * The modules the renderer evaluates before the units grid's first rows: main.tsx and the app it
 * loads, through their static imports (type-only imports are erased; `import()` loads later).
 * Answers the renderer's files and the packages they import.
 */
function firstPaintImports(): { files: Set<string>; packages: Set<string> } {
  const root = path.resolve('src/renderer/src');
  const files = new Set<string>();
  const packages = new Set<string>();
  const resolve = (from: string, spec: string): string => {
    const base = path.resolve(path.dirname(from), spec);
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!found) throw new Error(`${spec} from ${from} does not resolve`);
    return found;
  };
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause?.isTypeOnly) continue;
        const named = clause?.namedBindings;
        if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      } else if (statement.isTypeOnly) continue;
      const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (spec.startsWith('.')) visit(resolve(file, spec));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(path.join(root, 'main.tsx'));
  visit(path.join(root, 'app/App.tsx'));
  return { files, packages };
}

it('paints the first rows without loading a schema library or any form', () => {
  const { files, packages } = firstPaintImports();
  expect([...files].some((f) => f.endsWith('features/units/UnitsGrid.tsx'))).toBe(true);
  // zod loads with the forms, which validate with it, when they are opened.
  expect(packages).not.toContain('zod');
  const relative = [...files].map((f) => path.relative(process.cwd(), f));
  expect(relative.filter((f) => /Form\.tsx$|Modal\.tsx$|grant-form\//.test(f))).toEqual([]);
  expect(relative).not.toContain(path.join('src', 'shared', 'contract.ts'));
});
