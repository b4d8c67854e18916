import { resourceList, resources } from "@rackplane/contract";
import type { Binding } from "./binding";

/**
 * Every binding of the contract's tree, by resource key. Built once at app start from
 * `resources/index.ts`'s `bindings`; nothing registers itself when a module is imported.
 */
export class Registry {
  readonly #byKey = new Map<string, Binding>();

  constructor(tree: Record<string, Record<string, Binding>>) {
    // `satisfies BindingTree` checks this at compile time; a tree built otherwise is checked here.
    const contractTree: Record<string, Record<string, { key: string }>> = resources;
    for (const [app, named] of Object.entries(tree))
      for (const [name, b] of Object.entries(named)) {
        const expected = contractTree[app]?.[name]?.key;
        if (expected !== b.resource.key)
          throw new Error(
            `bindings.${app}.${name} binds ${b.resource.key}, not ${expected ?? "a resource of the contract"}`,
          );
        this.#byKey.set(b.resource.key, b);
      }
    const unbound = resourceList.filter((r) => !this.#byKey.has(r.key)).map((r) => r.key);
    if (unbound.length) throw new Error(`resources without a binding: ${unbound.join(", ")}`);
  }

  of(key: string): Binding {
    const b = this.#byKey.get(key);
    if (!b) throw new Error(`resource ${key} is not bound to a table`);
    return b;
  }

  all(): Binding[] {
    return [...this.#byKey.values()];
  }
}

/*
 * The registry the app installed. The framework's SQL builders (filters, reads, writes,
 * scope) resolve relation targets through it instead of each taking the registry as an
 * argument; `createRackplane` installs the one it built from the tree before serving.
 */
let installed: Registry | undefined;

export function installRegistry(registry: Registry) {
  installed = registry;
}

function current(): Registry {
  if (!installed) throw new Error("no binding registry installed (createRackplane installs it)");
  return installed;
}

export const bindingOf = (key: string): Binding => current().of(key);
export const allBindings = (): Binding[] => current().all();
