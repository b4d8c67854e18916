import { pools } from "./pools";

/** Resource pools (app `pools`). */
export const poolsApp = { pools } as const;
