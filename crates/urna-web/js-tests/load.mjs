// Loads static/urna-e2e.js in Node with the vendored bundle (see noble-hooks.mjs). Test files
// import { e2e } from here; the hook must be registered before the module is imported.
import { register } from 'node:module';

register('./noble-hooks.mjs', import.meta.url);

export const e2e = await import('../static/urna-e2e.js');
export const staticDir = new URL('../static/', import.meta.url);
