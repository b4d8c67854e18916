#!/usr/bin/env node
// `rackplane serve | migrate | seed`: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
