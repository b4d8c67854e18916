import { join } from "node:path";
import ts from "typescript";

/**
 * Asks the TypeScript checker what the contract's types are: every probe is a type
 * expression over `resources`/`contract` (`z.output<…["schemas"]["Read"]>`), compiled
 * in one program with the SDK's own tsconfig, so the answer is exactly what the
 * zod-derived generics compute.
 */
export interface Probe {
  checker: ts.TypeChecker;
  /** The type of each expression passed to `probe`, in order. */
  types: ts.Type[];
}

const sdkDir = join(import.meta.dirname, "../..");

export function probe(expressions: string[]): Probe {
  const file = join(sdkDir, "src/__probe__.ts");
  const text = [
    'import type { contract, resources } from "@rackplane/contract";',
    'import type { z } from "zod";',
    "type Rs = typeof resources;",
    "type Cs = typeof contract;",
    ...expressions.map((e, i) => `export type P${i} = ${e};`),
  ].join("\n");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(sdkDir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (f, lang, ...rest) =>
    f === file ? ts.createSourceFile(f, text, lang) : getSourceFile.call(host, f, lang, ...rest);
  host.fileExists = (f) => f === file || fileExists.call(host, f);
  host.readFile = (f) => (f === file ? text : readFile.call(host, f));
  const program = ts.createProgram([file], config.options, host);
  const source = program.getSourceFile(file)!;
  const errors = program.getSemanticDiagnostics(source);
  if (errors.length)
    throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
  const byName = new Map(exports.map((s) => [s.name, checker.getDeclaredTypeOfSymbol(s)]));
  return { checker, types: expressions.map((_, i) => byName.get(`P${i}`)!) };
}
