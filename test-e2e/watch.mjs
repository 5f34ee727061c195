// What every end-to-end page is watched for: console errors, uncaught errors, CSP
// violations (reported as console errors) and layout shifts (summed in window.__shifts).

/** Start watching `page` before it loads; returns the list that collects problems. */
export async function watch(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return problems;
}
