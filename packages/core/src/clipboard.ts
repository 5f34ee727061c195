// Copying for every widget: the Clipboard API, then the older selection command (for
// frames and browsers that refuse writeText). When both fail the widget shows the text
// selected, ready to copy by hand; `false` tells it to.

/** Copy `text`; true once it is on the clipboard. `root` is where the selection fallback may add its textarea. */
export async function copyText(text: string, root: ShadowRoot | Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text, root);
  }
}

function copyWithSelection(text: string, root: ShadowRoot | Element): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  // Off screen through CSSOM, which a strict CSP allows (a style attribute it does not).
  area.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
  root.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** For a copy-by-hand field: select all of it when it takes focus. */
export const selectOnFocus = (e: FocusEvent): void => (e.target as HTMLInputElement).select();
