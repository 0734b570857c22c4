// Imported first by main.tsx, before any contract schema is built: the CSP forbids eval, so zod 4 must not probe
// `new Function` for its JIT (the probe is caught, but the browser still reports a CSP violation on every page).
import { z } from "zod";

z.config({ jitless: true });
