import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

/*
 * Finds what Next.js publishes as an endpoint, by reading the source: every export of a file
 * whose first statement is 'use server', every function with an inline 'use server', and every
 * HTTP-method export of a route file under app/. Used by the access-control matrix test.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCANNED_DIRS = ['app', 'components', 'lib'];
const SKIPPED_DIRS = new Set(['node_modules', 'generated']);
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs)$/;
const ROUTE_FILE = /^app\/(.+\/)?route\.(ts|tsx|js|jsx|mjs)$/;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function hasDirective(statements: readonly ts.Statement[], directive: string): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === directive) return true;
  }
  return false;
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function isDefaultExport(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)
  );
}

/** Every value a module exports, by its public name. Types are left out: they are not endpoints. */
function listExportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (isExported(statement))
        names.push(isDefaultExport(statement) ? 'default' : (statement.name?.text ?? 'default'));
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name))
          throw new Error(`${source.fileName}: name destructured exports one by one`);
        names.push(declaration.name.text);
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      // `export * from` would publish whatever that module exports; the matrix needs names.
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
        throw new Error(`${source.fileName}: "export *" hides which endpoints it publishes; export them by name`);
      }
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    } else if (ts.isExportAssignment(statement)) {
      names.push('default');
    }
  }
  return names;
}

/** Functions with their own 'use server' (actions defined inside components or pages). */
function listInlineServerFunctions(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    const isFunction =
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node);
    if (isFunction && node.body && ts.isBlock(node.body) && hasDirective(node.body.statements, 'use server')) {
      const named = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ? node.name?.text : undefined;
      const holder =
        ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      names.push(named ?? holder ?? `inline@${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The endpoints one source file publishes, as `<file>#<name>` (file relative to the project root). */
export function findEndpoints(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  let names: string[];
  if (hasDirective(source.statements, 'use server')) names = listExportedNames(source);
  else if (ROUTE_FILE.test(file)) names = listExportedNames(source).filter((name) => HTTP_METHODS.has(name));
  else names = listInlineServerFunctions(source);
  return names.map((name) => `${file}#${name}`);
}

async function listSourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory())
        return SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.') ? [] : listSourceFiles(relative);
      return SOURCE_FILE.test(entry.name) ? [relative] : [];
    }),
  );
  return nested.flat();
}

export async function discoverEndpoints(): Promise<string[]> {
  const files = (await Promise.all(SCANNED_DIRS.map(listSourceFiles))).flat();
  const found = await Promise.all(
    files.map(async (file) => findEndpoints(file, await readFile(path.join(ROOT, file), 'utf8'))),
  );
  return found.flat().sort();
}
