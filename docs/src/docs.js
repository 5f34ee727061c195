// Every docs page: a copy button on each code block. Buttons sit inside the block's
// padding, absolutely placed, so adding them moves nothing.

for (const pre of document.querySelectorAll('pre.code:not([data-nocopy])')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = 'Copy';
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(pre.querySelector('code')?.textContent ?? pre.textContent);
      button.textContent = 'Copied';
    } catch {
      // Where the clipboard is refused, select the code so the reader can copy it by hand.
      getSelection()?.selectAllChildren(pre.querySelector('code') ?? pre);
      button.textContent = 'Selected';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1600);
  });
  pre.append(button);
}
