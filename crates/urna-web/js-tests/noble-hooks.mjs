// Module resolution hook for Node: the server serves the vendored bundle as /static/noble.js
// (next to /static/urna-e2e.js, which imports it as './noble.js?v=…'), while in the source tree
// it lives in static/vendor/. This maps that one import to the vendored file, unchanged.
export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('./noble.js?') && context.parentURL?.endsWith('/static/urna-e2e.js')) {
    return nextResolve(specifier.replace('./noble.js', './vendor/noble.js'), context);
  }
  return nextResolve(specifier, context);
}
