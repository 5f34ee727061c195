export { startBeacon, SDK_VERSION } from './beacon.js';
export type { WireEvent, Payload } from './logic/wire.js';
