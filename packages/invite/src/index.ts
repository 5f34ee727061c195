// The package entry defines <fan-invite> (the embed loader imports it for that);
// import './fan-invite.js' instead for the class alone, to register it yourself.
import './define.js';

export { FanInvite } from './fan-invite.js';
export { readInvite, phaseOf, type Invite, type Phase } from './logic/invite.js';
