// The name as the carousel will show it, so the fan sees it before sending: core's one
// masking rule, which the carousel and the server's feed use too.
export { maskName } from '@fanfare/core/mask';
