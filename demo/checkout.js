// The demo's stand-in for a shop's checkout: a real shop's server writes the order into
// the thank-you page. Here the order number is made once per tab, so reloading the page
// shows (and reports) the same order, as a real thank-you page does.
const key = 'petal-and-stem:order';
let order = sessionStorage.getItem(key);
if (!order) {
  order = `PS-${Date.now().toString(36).toUpperCase()}`;
  sessionStorage.setItem(key, order);
}
const el = document.querySelector('[data-order]');
const conversion = document.createElement('fan-conversion');
conversion.setAttribute('order', order);
conversion.setAttribute('value', el.dataset.value);
conversion.setAttribute('currency', el.dataset.currency);
el.textContent = order;
el.after(conversion);
