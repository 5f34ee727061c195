// The host page's button announces a share the way <fan-share> does; the beacon hears
// it at the document, as it hears every widget.
const button = document.querySelector('#fire');
button.addEventListener('click', () =>
  button.dispatchEvent(
    new CustomEvent('fan-share', { bubbles: true, composed: true, detail: { network: 'x', url: location.href } }),
  ),
);
