import ts from "typescript";

/**
 * Prints a checker type as plain TypeScript source: objects written out member by
 * member (zod's `objectOutputType<…>` and intersections expanded), unions of
 * literals as they are, so the SDK's declarations need neither zod nor the contract
 * to be understood — and cost the consumer's checker nothing to compute.
 */
export function printer(checker: ts.TypeChecker) {
  const F = ts.TypeFormatFlags.NoTruncation;
  const simple =
    ts.TypeFlags.Any |
    ts.TypeFlags.Unknown |
    ts.TypeFlags.String |
    ts.TypeFlags.Number |
    ts.TypeFlags.Boolean |
    ts.TypeFlags.BigInt |
    ts.TypeFlags.Null |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Void |
    ts.TypeFlags.Never |
    ts.TypeFlags.ESSymbol |
    ts.TypeFlags.Literal |
    ts.TypeFlags.TemplateLiteral;

  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  const paren = (s: string) => (/[|&]/.test(s) && !/^[{(]/.test(s) ? `(${s})` : s);

  function print(t: ts.Type, stripUndefined = false): string {
    if (t.isUnion()) {
      let members = t.types;
      if (stripUndefined) members = members.filter((m) => !(m.flags & ts.TypeFlags.Undefined));
      const hasTrue = members.some((m) => m.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(m) === "true");
      const hasFalse = members.some(
        (m) => m.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(m) === "false",
      );
      const parts: string[] = [];
      if (hasTrue && hasFalse) parts.push("boolean");
      for (const m of members) {
        if (hasTrue && hasFalse && m.flags & ts.TypeFlags.BooleanLiteral) continue;
        parts.push(print(m));
      }
      // `T | null`, as people write it (the checker keeps null first).
      return [...parts.filter((x) => x !== "null"), ...parts.filter((x) => x === "null")].join(" | ");
    }
    if (t.flags & simple) return checker.typeToString(t, undefined, F);
    if (checker.isArrayType(t)) {
      const [item] = checker.getTypeArguments(t as ts.TypeReference);
      const readonly = checker.typeToString(t, undefined, F).startsWith("readonly ");
      return `${readonly ? "readonly " : ""}${paren(print(item!))}[]`;
    }
    if (checker.isTupleType(t)) {
      return `[${checker
        .getTypeArguments(t as ts.TypeReference)
        .map((x) => print(x))
        .join(", ")}]`;
    }
    if (t.getCallSignatures().length) return checker.typeToString(t, undefined, F);
    return printObject(t);
  }

  function printObject(t: ts.Type): string {
    const props = checker.getPropertiesOfType(t);
    const indexes = checker.getIndexInfosOfType(t);
    if (!props.length && indexes.length === 1 && indexes[0]!.keyType.flags & ts.TypeFlags.String)
      return `Record<string, ${print(indexes[0]!.type)}>`;
    const members = props.map((p) => member(p));
    for (const i of indexes) members.push(`[key: ${print(i.keyType)}]: ${print(i.type)}`);
    return members.length ? `{ ${members.join("; ")} }` : "{}";
  }

  /** `name?: type` for one property (the `undefined` an optional property adds is left out). */
  function member(p: ts.Symbol): string {
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
    return `${key(p.name)}${optional ? "?" : ""}: ${print(checker.getTypeOfSymbol(p), optional)}`;
  }

  /** The properties of an object type by name. */
  function properties(t: ts.Type): Map<string, ts.Symbol> {
    return new Map(checker.getPropertiesOfType(t).map((p) => [p.name, p]));
  }

  return { print, member, properties, key };
}
