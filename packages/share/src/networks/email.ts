// mailto wants %20 for spaces (a `+` would stay a plus sign), which shareUrl gives.
export const url = 'mailto:?subject=t&body=b';
// An envelope, drawn with a stroke; the button keeps the neutral colour.
export const d = 'M3.5 5.5h17v13h-17ZM4 6.5l8 6.5 8-6.5';
export const line = true;
