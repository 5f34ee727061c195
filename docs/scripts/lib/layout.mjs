// The frame around every page: header, the side navigation (widgets listed from the
// manifest, so a new widget appears without anyone editing this), "On this page", footer.
import { escape } from './html.mjs';

const LOGO = `<svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="9" fill="#c2185b"/><path d="M9 22.5V10.2c0-.7.5-1.2 1.2-1.2H22l-2.6 4.3 2.6 4.2h-8.6v5a1.2 1.2 0 0 1-2.4 0Z" fill="#fff"/></svg>`;

/**
 * @param page {{ path: string, title: string, description: string, body: string, toc: {id, html}[], wide?: boolean, scripts?: string[], styles?: string[] }}
 * @param nav {{ section: string, items: { path: string, label: string, hint?: string }[] }[]}
 */
export function layout(page, nav) {
  const rel = '../'.repeat(page.path.split('/').length - 1) || './';
  const link = (path) => rel + path;
  const navHtml = nav
    .map(
      (group) => `<p class="nav-title">${escape(group.section)}</p>
<ul>${group.items
        .map(
          (item) =>
            `<li><a href="${link(item.path)}"${item.path === page.path ? ' aria-current="page"' : ''}>${item.label}${item.hint ? `<span class="hint">${escape(item.hint)}</span>` : ''}</a></li>`,
        )
        .join('')}</ul>`,
    )
    .join('\n');
  const toc = page.toc.length > 1
    ? `<aside class="toc" aria-labelledby="toc-title"><p class="nav-title" id="toc-title">On this page</p><ul>${page.toc
        .map((h) => `<li><a href="#${h.id}">${h.html}</a></li>`)
        .join('')}</ul></aside>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} · Fanfare docs</title>
<meta name="description" content="${escape(page.description)}">
<meta name="color-scheme" content="light">
<link rel="icon" href="${link('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${link('_src/docs.css')}">
${(page.styles ?? []).map((s) => `<link rel="stylesheet" href="${link(s)}">\n`).join('')}<script type="module" src="${link('_src/docs.js')}"></script>
${(page.scripts ?? []).map((s) => `<script type="module" src="${link(s)}"></script>`).join('\n')}
<script type="module" src="${link('fanfare/fanfare.js')}" vite-ignore></script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top">
  <a class="brand" href="${link('index.html')}">${LOGO}<span>Fanfare</span><span class="brand-sub">Docs</span></a>
  <nav class="top-links" aria-label="Shortcuts">
    <a href="${link('index.html')}"${page.path === 'index.html' ? ' aria-current="page"' : ''}>Get started</a>
    <a href="${link('configurator.html')}"${page.path === 'configurator.html' ? ' aria-current="page"' : ''}>Configurator</a>
  </nav>
  <button class="menu-button" type="button" popovertarget="side" aria-label="Menu"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 7h16M4 12h16M4 17h16"/></svg></button>
</header>
<div class="shell${page.wide ? ' wide' : ''}">
<nav class="side" id="side" popover aria-label="Documentation">
<button class="menu-close" type="button" popovertarget="side" popovertargetaction="hide" aria-label="Close menu"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18"/></svg></button>
${navHtml}
</nav>
<main id="content" class="content">
${page.body}
<footer class="foot"><p>Fanfare · social widgets for brands' own sites · <a href="${link('index.html')}">Get started</a> · <a href="${link('configurator.html')}">Configurator</a></p></footer>
</main>
${toc}
</div>
</body>
</html>
`;
}
