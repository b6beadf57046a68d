// Pages with a strict Content-Security-Policy (no 'unsafe-eval') embed our widgets. zod would probe
// for eval with `new Function` on its first object parse: the probe is caught, but the browser still
// reports a CSP violation to the page. Widgets parse small payloads, so zod's JIT is not worth that.
import { z } from 'zod';

z.config({ jitless: true });
