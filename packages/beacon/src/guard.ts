/**
 * Wrap a callback so that nothing the beacon does can throw into the page: analytics
 * failing must never break a shop.
 */
export const guard =
  <A extends unknown[]>(fn: (...args: A) => unknown) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (e) {
      console.warn(e);
    }
  };
