let scratch: CanvasRenderingContext2D | undefined;
/** `<input type=color>` takes #rrggbb only; a canvas turns any colour into that form. One canvas serves every call. */
export function toHex(color: string): string {
  scratch ??= document.createElement('canvas').getContext('2d')!;
  // A colour the canvas refuses leaves fillStyle as it was: start from black each time.
  scratch.fillStyle = '#000';
  scratch.fillStyle = color;
  return /^#[0-9a-f]{6}$/i.test(scratch.fillStyle) ? scratch.fillStyle : '#000000';
}
