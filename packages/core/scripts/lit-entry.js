// What Fanfare's widgets take from Lit: measured once, as the shared runtime.
export { LitElement, html, css, nothing, svg } from 'lit';
export { property, state } from 'lit/decorators.js';
