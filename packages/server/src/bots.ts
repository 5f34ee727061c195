// Clients that say what they are. Anything cleverer belongs to a real bot-detection
// service; this only keeps crawlers, link previews and monitors out of the brand's numbers.
// Every browser sends a User-Agent, so an empty one is not a fan either.
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|lighthouse|pingdom|uptime|monitor|phantomjs|python-requests|go-http-client/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}
